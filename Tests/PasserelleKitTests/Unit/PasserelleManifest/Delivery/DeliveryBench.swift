import Foundation
import GRDB
import PasserelleCore
import PasserelleOutput

@testable import PasserelleManifest

/// A manifest in a scratch folder, with payload files written the way batches write
/// them and queued the way a batch's commit queues them.
struct DeliveryBench {
  let scratch: ScratchFolder
  let manifest: Manifest
  private var payloads = 0

  init(_ name: String = #function) throws {
    scratch = try TestFiles.scratch(name)
    manifest = try Manifest(path: scratch.file("manifest.sqlite"))
  }

  var outbox: Outbox { Outbox(manifest: manifest) }

  /// A moment of the tests' day, `seconds` after 2026-11-28T10:15:00Z.
  static func time(_ seconds: TimeInterval = 0) -> Date {
    Date(timeIntervalSince1970: 1_795_860_900 + seconds)
  }

  /// Writes a payload file of `resource` for `batch`, through `PayloadWriter`.
  mutating func payload(
    batch: String, resource: String, _ operations: [PayloadOperation]
  ) throws -> String {
    payloads += 1
    let path = scratch.file("\(resource)-\(payloads).json")
    let writer = try PayloadWriter(
      path: path,
      header: PayloadHeader(
        batch: batch, resource: resource, sourceFile: "Export \(payloads).Txt",
        sourceSHA256: String(repeating: "ab", count: 32), sourceEntity: "sage-\(resource)",
        createdAt: Timestamp.iso(Self.time())))
    for operation in operations { try writer.write(operation) }
    try writer.close()
    return path
  }

  /// Writes a payload and queues it in a batch transaction; returns the new seqs.
  @discardableResult
  mutating func queue(
    batch: String = "20261128-101500-0001", resource: String, _ operations: [PayloadOperation],
    at date: Date = time()
  ) throws -> [Int64] {
    let path = try payload(batch: batch, resource: resource, operations)
    let before = try lastSeq()
    _ = try manifest.transaction { tx in
      try OutboxFeed(transaction: tx, batch: batch, at: date).enqueue(payload: path)
    }
    return try rows().map(\.seq).filter { $0 > before }
  }

  private func lastSeq() throws -> Int64 {
    try manifest.read { db in try Int64.fetchOne(db, sql: "SELECT max(seq) FROM delivery") ?? 0 }
  }

  /// The outbox as stored, in seq order.
  func rows() throws -> [DeliveryRow] {
    try manifest.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT seq, batch, resource, rank, action, extId, operation, state, smId, attempts,
            message, field, heldFor, updatedAt
          FROM delivery ORDER BY seq
          """
      ).map {
        DeliveryRow(
          seq: $0[0], batch: $0[1], resource: $0[2], rank: $0[3], action: $0[4], extId: $0[5],
          body: String(decoding: $0[6] as Data, as: UTF8.self), state: $0[7], smId: $0[8],
          attempts: $0[9], message: $0[10], field: $0[11], heldFor: $0[12], updatedAt: $0[13])
      }
    }
  }

  func row(_ seq: Int64) throws -> DeliveryRow? {
    try rows().first { $0.seq == seq }
  }

  /// A record of the id map, as a batch would have left it.
  func insertRecord(
    resource: String, code: String, smId: Int? = nil, fingerprint: [UInt8]? = [1, 2, 3],
    rowFingerprint: [UInt8]? = [4, 5, 6]
  ) throws {
    try manifest.write { db in
      try db.execute(
        sql: """
          INSERT INTO record(resource, code, kind, origin, owner, smId, fingerprint,
            rowFingerprint, firstBatch, lastBatch)
          VALUES (?, ?, 'customer', 'sage', 'sage', ?, ?, ?, 'B0', 'B0')
          """,
        arguments: [
          resource, code, smId, fingerprint.map { Data($0) }, rowFingerprint.map { Data($0) },
        ])
    }
  }

  /// The id map's row for a record: SM's id and both fingerprints.
  func record(resource: String, code: String) throws -> RecordRow? {
    try manifest.read { db in
      try Row.fetchOne(
        db,
        sql: "SELECT smId, fingerprint, rowFingerprint FROM record WHERE resource = ? AND code = ?",
        arguments: [resource, code]
      ).map {
        RecordRow(
          smId: $0[0], fingerprint: ($0[1] as Data?).map(Array.init),
          rowFingerprint: ($0[2] as Data?).map(Array.init))
      }
    }
  }
}

/// One row of the `delivery` table.
struct DeliveryRow: Equatable {
  var seq: Int64
  var batch: String
  var resource: String
  var rank: Int
  var action: String
  var extId: String
  var body: String
  var state: String
  var smId: Int?
  var attempts: Int
  var message: String?
  var field: String?
  var heldFor: String?
  var updatedAt: String
}

/// What the id map holds of a record for delivery.
struct RecordRow: Equatable {
  var smId: Int?
  var fingerprint: [UInt8]?
  var rowFingerprint: [UInt8]?
}

extension PayloadOperation {
  /// An upsert whose `data` is `json`.
  static func upsert(_ extId: String, id: Int? = nil, _ json: String = #"{"name": "x"}"#)
    -> PayloadOperation
  {
    PayloadOperation(
      action: .upsert, guid: "guid-\(extId)", extId: extId, id: id, data: Array(json.utf8))
  }
}
