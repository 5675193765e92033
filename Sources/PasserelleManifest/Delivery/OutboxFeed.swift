import Foundation
import GRDB
import GRDBSQLite
import PasserelleCore

/// Puts a batch's work for SM into the outbox, inside the batch's own transaction:
/// the operations of its payloads, and the Sage codes it gave to records created
/// in SM. What commits with the batch is delivered; nothing else is.
package struct OutboxFeed {
  private let db: Database
  private let batch: String
  private let time: String
  private let insert: Statement

  package init(transaction: ManifestTransaction, batch: String, at date: Date) throws {
    db = transaction.db
    self.batch = batch
    time = Timestamp.iso(date)
    insert = try db.makeStatement(
      sql: """
        INSERT INTO delivery(batch, resource, rank, action, extId, operation, state, smId,
          updatedAt)
        VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, ?)
        """)
  }

  /// Reads a payload file written by this batch, one operation per line, and
  /// queues each; returns how many.
  @discardableResult
  package func enqueue(payload path: String) throws -> Int {
    let input = try InputFile(path: path)
    var line: [UInt8] = []
    var resource: String?
    var count = 0
    func take(_ line: [UInt8]) throws {
      if line.starts(with: Self.operationPrefix) {
        guard resource != nil else { throw Self.malformed(path) }
        try queue(line, path: path)
        count += 1
      } else if resource == nil, line.starts(with: Self.entityPrefix) {
        let name = String(decoding: line.dropFirst(Self.entityPrefix.count), as: UTF8.self)
          .trimmingCharacters(in: CharacterSet(charactersIn: "\", "))
        try bindPayload(resource: name)
        resource = name
      }
    }
    try input.forEachChunk { chunk in
      // Line ends are found by `memchr` and each line copied in one piece: byte by
      // byte, reading the payloads back took as long as the rest of the commit.
      var rest = chunk
      while let base = rest.baseAddress, !rest.isEmpty {
        guard let end = memchr(base, 0x0A, rest.count) else {
          line.append(contentsOf: rest)
          return
        }
        let length = UnsafeRawPointer(end) - base
        line.append(contentsOf: UnsafeRawBufferPointer(start: base, count: length))
        try take(line)
        line.removeAll(keepingCapacity: true)
        rest = UnsafeRawBufferPointer(rebasing: rest[(length + 1)...])
      }
    }
    try take(line)
    return count
  }

  /// What every operation of a payload shares, bound once: bindings outlive the
  /// resets between operations.
  private func bindPayload(resource: String) throws {
    let statement = insert.sqliteStatement
    try SQLiteColumn.check(SQLiteColumn.bind(statement, 1, batch), statement)
    try SQLiteColumn.check(SQLiteColumn.bind(statement, 2, resource), statement)
    SQLiteColumn.bind(statement, 3, integer: DeliveryRank.of(resource))
    try SQLiteColumn.check(SQLiteColumn.bind(statement, 8, time), statement)
  }

  /// One per operation of every payload: bound through SQLite's C API, the line as
  /// it is, where GRDB's arguments made a copy and a value of each.
  private func queue(_ line: [UInt8], path: String) throws {
    var body = line.drop { $0 == 0x20 }
    if body.last == UInt8(ascii: ",") { body.removeLast() }
    guard let head = OperationHead(line: body) else { throw Self.malformed(path) }
    let statement = insert.sqliteStatement
    defer { sqlite3_reset(statement) }
    try SQLiteColumn.check(SQLiteColumn.bind(statement, 4, head.action), statement)
    try SQLiteColumn.check(SQLiteColumn.bind(statement, 5, head.extId), statement)
    SQLiteColumn.bind(statement, 6, blob: body)
    SQLiteColumn.bind(statement, 7, integer: head.id)
    _ = try SQLiteColumn.step(statement)
  }

  /// Queues `assignExtId` for every code this batch gave to a record created in
  /// SM whose SM id is known and that has no `extId` of its own: SM learns the Sage
  /// code as the record's `extId`.
  @discardableResult
  package func enqueueAllocatedCodes() throws -> Int {
    let rows = try Row.fetchAll(
      db,
      sql:
        "SELECT resource, code, smId FROM allocatedCode WHERE batch = ? AND smId IS NOT NULL AND smExtId IS NULL",
      arguments: [batch])
    for row in rows {
      let resource: String = row[0]
      let code: String = row[1]
      let smId: Int = row[2]
      let body = try JSONSerialization.data(
        withJSONObject: ["action": "assignExtId", "extId": code, "id": smId], options: [.sortedKeys]
      )
      try insert.execute(arguments: [
        batch, resource, DeliveryRank.of(resource), "assignExtId", code, body, smId, time,
      ])
    }
    return rows.count
  }

  private static let operationPrefix = Array("    {\"action\"".utf8)
  private static let entityPrefix = Array("  \"entity\": ".utf8)

  private static func malformed(_ path: String) -> EnvironmentFailure {
    EnvironmentFailure(.payloadUnreadable, path: path)
  }
}
