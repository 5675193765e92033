/// The records of one resource. Ids run from 1 and records are never removed (a delete
/// only marks them), so a record's id is its position plus one: no index to keep.
struct ResourceTable: Sendable {
  private(set) var records: [StoredRecord] = []
  private(set) var deletedCount = 0
  /// Successful creates per `extId` value: a value above 1 is a duplicate create.
  private(set) var createsByExtId: [String: Int] = [:]

  /// The record with `id`, deleted or not.
  func record(_ id: Int) -> StoredRecord? {
    records.indices.contains(id - 1) ? records[id - 1] : nil
  }

  /// Whether a record with `id` exists and is not deleted: what a reference may point to.
  func isLive(_ id: Int) -> Bool {
    record(id).map { !$0.isDeleted } ?? false
  }

  /// Adds a record with the next id and answers that id.
  mutating func insert(_ fields: [String: JSONValue], at time: Int) -> Int {
    let id = records.count + 1
    records.append(StoredRecord(id: id, fields: fields, created: time))
    if let extId = fields["extId"]?.text {
      createsByExtId[extId, default: 0] += 1
    }
    return id
  }

  /// Applies a partial update to an existing record.
  mutating func update(_ id: Int, with changes: [String: JSONValue], at time: Int) {
    records[id - 1].update(with: changes, at: time)
  }

  /// Marks an existing record deleted (again: no change).
  mutating func delete(_ id: Int, at time: Int) {
    if !records[id - 1].isDeleted { deletedCount += 1 }
    records[id - 1].delete(at: time)
  }
}
