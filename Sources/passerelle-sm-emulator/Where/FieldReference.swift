/// A field a filter names: one of the date fields, compared as times, or any other key.
enum FieldReference: Sendable, Equatable {
  case date(DateField)
  case plain(String)

  /// Field names SM's database would match in any case, spelt as the records spell them.
  private static let managedNames: [String: String] = Dictionary(
    uniqueKeysWithValues: [
      "id", "deleted", "readOnly", "dateCreated", "dateUpdated", "dateDeleted",
    ]
    .map { ($0.lowercased(), $0) })

  /// The field a filter's name refers to.
  init(name: String) {
    let spelt = Self.managedNames[name.lowercased()] ?? name
    if let date = DateField(rawValue: spelt) {
      self = .date(date)
    } else {
      self = .plain(spelt)
    }
  }

  /// The field's value in `record`; a date as the API shows it.
  func value(in record: StoredRecord) -> JSONValue {
    switch self {
    case .plain(let name): return record.value(of: name)
    case .date(let field):
      return record.time(of: field).map { .string(ISOTimestamp.format(Int($0))) } ?? .null
    }
  }
}
