/// One record: the keys its writers sent, and the fields the emulator manages itself.
struct StoredRecord: Sendable {
  /// Keys a client cannot set: the emulator manages them.
  static let managedKeys: Set<String> = [
    "id", "dateCreated", "dateUpdated", "deleted", "dateDeleted",
  ]

  let id: Int
  private(set) var fields: [String: JSONValue]
  /// Seconds since 1970, whole: SM shows whole seconds.
  let created: Int
  private(set) var updated: Int?
  private(set) var deletedAt: Int?

  init(id: Int, fields: [String: JSONValue], created: Int) {
    self.id = id
    self.fields = fields.filter { !Self.managedKeys.contains($0.key) }
    self.created = created
  }

  var isDeleted: Bool { deletedAt != nil }

  /// Sets the keys given (others unchanged) and `dateUpdated`.
  mutating func update(with changes: [String: JSONValue], at time: Int) {
    for (key, value) in changes where !Self.managedKeys.contains(key) {
      fields[key] = value
    }
    updated = time
  }

  /// Marks the record deleted once; a second delete changes nothing.
  mutating func delete(at time: Int) {
    guard deletedAt == nil else { return }
    deletedAt = time
    updated = time
  }

  /// The record as the API answers it.
  var rendered: JSONValue {
    var object = fields
    object["id"] = .integer(id)
    object["dateCreated"] = .string(ISOTimestamp.format(created))
    object["dateUpdated"] = updated.map { .string(ISOTimestamp.format($0)) } ?? .null
    object["deleted"] = .bool(isDeleted)
    object["dateDeleted"] = deletedAt.map { .string(ISOTimestamp.format($0)) } ?? .null
    if object["readOnly"] == nil { object["readOnly"] = .bool(false) }
    return .object(object)
  }

  /// A field's value for a `where` filter.
  func value(of field: String) -> JSONValue {
    switch field {
    case "id": return .integer(id)
    case "deleted": return .bool(isDeleted)
    case "readOnly": return fields["readOnly"] ?? .bool(false)
    default: return fields[field] ?? .null
    }
  }

  /// A date field's time in seconds since 1970; nil when it is null.
  func time(of dateField: DateField) -> Double? {
    switch dateField {
    case .dateCreated: return Double(created)
    case .dateUpdated: return updated.map(Double.init)
    case .dateDeleted: return deletedAt.map(Double.init)
    }
  }
}
