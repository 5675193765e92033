/// Every resource's records, with SM's checks on writes.
struct RecordStore: Sendable {
  /// The one branch the emulator knows: accounts and sales orders must name it.
  let branchId: Int
  private var tables = Dictionary(
    uniqueKeysWithValues: Resource.allCases.map { ($0, ResourceTable()) })

  init(branchId: Int) { self.branchId = branchId }

  /// The records of `resource`.
  func table(_ resource: Resource) -> ResourceTable { tables[resource]! }

  /// Creates a record after SM's checks (skipped for what an SM user types) and answers its id.
  mutating func create(
    _ resource: Resource, _ fields: [String: JSONValue], at time: Int, checked: Bool = true
  ) throws(APIError) -> Int {
    if checked { try validator(for: resource).checkCreate(fields) }
    return tables[resource]!.insert(fields, at: time)
  }

  /// Applies a partial update after SM's checks on the keys it carries.
  mutating func update(
    _ resource: Resource, id: Int, with changes: [String: JSONValue], at time: Int,
    checked: Bool = true
  ) throws(APIError) {
    _ = try record(resource, id: id)
    if checked { try validator(for: resource).checkUpdate(changes) }
    tables[resource]!.update(id, with: changes, at: time)
  }

  /// Marks a record deleted; deleting it again is not an error.
  mutating func delete(_ resource: Resource, id: Int, at time: Int) throws(APIError) {
    _ = try record(resource, id: id)
    tables[resource]!.delete(id, at: time)
  }

  /// The record with `id`, deleted or not.
  func record(_ resource: Resource, id: Int) throws(APIError) -> StoredRecord {
    guard let record = tables[resource]!.record(id) else {
      throw .notFound("\(resource.rawValue) \(id) does not exist")
    }
    return record
  }

  /// Page `page` (from 0) of `size` records matching `filter`, in id order, and whether
  /// more follow. A filter scans only as far as the page and one record more.
  func page(_ resource: Resource, filter: WhereExpression?, page: Int, size: Int)
    -> (records: [StoredRecord], hasMore: Bool)
  {
    let records = tables[resource]!.records
    let first = page * size
    guard let filter else {
      let slice = records.dropFirst(first).prefix(size)
      return (Array(slice), first + slice.count < records.count)
    }
    var matched = 0
    var found: [StoredRecord] = []
    for record in records where filter.matches(record) {
      if matched >= first + size { return (found, true) }
      if matched >= first { found.append(record) }
      matched += 1
    }
    return (found, false)
  }

  private func validator(for resource: Resource) -> RecordValidator {
    let tables = self.tables
    return RecordValidator(resource: resource, branchId: branchId) { tables[$0]!.isLive($1) }
  }
}
