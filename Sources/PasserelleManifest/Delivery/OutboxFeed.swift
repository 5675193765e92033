import Foundation
import GRDB
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
        guard let resource else { throw Self.malformed(path) }
        try queue(line, resource: resource, path: path)
        count += 1
      } else if resource == nil, line.starts(with: Self.entityPrefix) {
        resource = String(decoding: line.dropFirst(Self.entityPrefix.count), as: UTF8.self)
          .trimmingCharacters(in: CharacterSet(charactersIn: "\", "))
      }
    }
    try input.forEachChunk { chunk in
      for byte in chunk {
        if byte == 0x0A {
          try take(line)
          line.removeAll(keepingCapacity: true)
        } else {
          line.append(byte)
        }
      }
    }
    try take(line)
    return count
  }

  private func queue(_ line: [UInt8], resource: String, path: String) throws {
    var body = line.drop { $0 == 0x20 }
    if body.last == UInt8(ascii: ",") { body.removeLast() }
    guard let head = OperationHead(line: body) else { throw Self.malformed(path) }
    try insert.execute(arguments: [
      batch, resource, DeliveryRank.of(resource), head.action, head.extId, Data(body), head.id,
      time,
    ])
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
