import Foundation
import GRDB
import PasserelleOutput
import SalesManagementAPI
import Testing

@testable import PasserelleManifest

/// A batch's commit puts its payloads' operations and the codes it gave to records
/// created in SM into the outbox, in the batch's own transaction.
@Suite struct OutboxFeedTests {
  private let batch = "20261128-101500-0001"

  @Test func aPayloadsOperationsAreQueuedInFileOrderWithTheirKeysIdsAndJSON() throws {
    var bench = try DeliveryBench()
    let path = try bench.payload(
      batch: batch, resource: "contacts",
      [
        .upsert("CT001", #"{"lastName": "Martin", "accountId": null}"#),
        .upsert("CT002", id: 42, #"{"lastName": "Durand"}"#),
        PayloadOperation(action: .markDeleted, guid: "guid-CT003", extId: "CT003", id: 43),
        PayloadOperation(action: .deactivate, guid: "guid-CT004", extId: "CT004"),
      ])
    let count = try bench.manifest.transaction { tx in
      try OutboxFeed(transaction: tx, batch: batch, at: DeliveryBench.time())
        .enqueue(payload: path)
    }
    #expect(count == 4)
    func queued(
      _ seq: Int64, _ action: String, _ extId: String, _ smId: Int?, _ body: String
    ) -> DeliveryRow {
      DeliveryRow(
        seq: seq, batch: batch, resource: "contacts", rank: 2, action: action, extId: extId,
        body: body, state: "waiting", smId: smId, attempts: 0, message: nil, field: nil,
        heldFor: nil, updatedAt: "2026-11-28T10:15:00Z")
    }
    #expect(
      try bench.rows() == [
        queued(
          1, "upsert", "CT001", nil,
          #"{"action": "upsert", "guid": "guid-CT001", "extId": "CT001", "data": {"lastName": "Martin", "accountId": null}}"#
        ),
        queued(
          2, "upsert", "CT002", 42,
          #"{"action": "upsert", "guid": "guid-CT002", "extId": "CT002", "id": 42, "data": {"lastName": "Durand"}}"#
        ),
        queued(
          3, "markDeleted", "CT003", 43,
          #"{"action": "markDeleted", "guid": "guid-CT003", "extId": "CT003", "id": 43}"#),
        queued(
          4, "deactivate", "CT004", nil,
          #"{"action": "deactivate", "guid": "guid-CT004", "extId": "CT004"}"#),
      ])
  }

  /// The resource is the header's `entity`, not the Sage entity its source was read
  /// as, and its rank puts it after the records it names; an unknown one goes last.
  @Test(arguments: [
    ("users", 0), ("accounts", 1), ("contacts", 2), ("products", 3), ("sales", 4),
    ("salesorders", 5), ("opportunities", 6),
  ])
  func theResourceComesFromThePayloadHeaderAndItsRankFromDeliveryRank(
    resource: String, rank: Int
  ) throws {
    var bench = try DeliveryBench()
    try bench.queue(resource: resource, [.upsert("K1")])
    let row = try #require(try bench.rows().first)
    #expect(row.resource == resource)
    #expect(row.rank == rank)
    #expect(DeliveryRank.of(resource) == rank)
  }

  /// Members beside `data` (a quote's lines) are part of the operation sent.
  @Test func membersBesideDataStayInTheQueuedOperation() throws {
    var bench = try DeliveryBench()
    try bench.queue(
      resource: "salesorders",
      [
        PayloadOperation(
          action: .upsert, guid: "guid-D1", extId: "D1", data: Array(#"{"title": "Devis"}"#.utf8),
          extra: Array(#""lines": [{"productId": 7, "quantity": 2}]"#.utf8))
      ])
    #expect(
      try bench.rows().map(\.body) == [
        #"{"action": "upsert", "guid": "guid-D1", "extId": "D1", "data": {"title": "Devis"}, "lines": [{"productId": 7, "quantity": 2}]}"#
      ])
  }

  @Test func theBatchsPayloadsAreQueuedOneAfterTheOtherAndAnEmptyOneAddsNothing() throws {
    var bench = try DeliveryBench()
    let accounts = try bench.payload(
      batch: batch, resource: "accounts", [.upsert("C001"), .upsert("C002")])
    let empty = try bench.payload(batch: batch, resource: "accounts", [])
    let contacts = try bench.payload(batch: batch, resource: "contacts", [.upsert("CT001")])
    let counts = try bench.manifest.transaction { tx in
      let feed = try OutboxFeed(transaction: tx, batch: batch, at: DeliveryBench.time())
      return [
        try feed.enqueue(payload: accounts), try feed.enqueue(payload: empty),
        try feed.enqueue(payload: contacts),
      ]
    }
    #expect(counts == [2, 0, 1])
    let rows = try bench.rows()
    #expect(rows.map(\.seq) == [1, 2, 3])
    #expect(rows.map(\.extId) == ["C001", "C002", "CT001"])
    #expect(rows.map(\.resource) == ["accounts", "accounts", "contacts"])
  }

  /// Only this batch's codes, given to records SM has an id for and no `extId` of
  /// their own, become `assignExtId` operations.
  @Test func allocatedCodesOfThisBatchWithAKnownIdAndNoExtIdAreQueuedAsAssignExtId() throws {
    let bench = try DeliveryBench()
    try bench.manifest.write { db in
      let insert = try db.makeStatement(
        sql: """
          INSERT INTO allocatedCode(resource, code, smId, smExtId, batch, allocatedAt)
          VALUES (?, ?, ?, ?, ?, '2026-11-28T10:15:00Z')
          """)
      let rows: [[(any DatabaseValueConvertible)?]] = [
        ["accounts", "C0001", 501, nil, batch],  // queued
        ["accounts", "C0002", nil, nil, batch],  // SM id not known
        ["accounts", "C0003", 503, "SM-503", batch],  // has an extId in SM already
        ["accounts", "C0004", 504, nil, "20261127-090000-0001"],  // another batch's
        ["contacts", "CT0001", 601, nil, batch],  // queued
      ]
      for row in rows { try insert.execute(arguments: StatementArguments(row)) }
    }
    let count = try bench.manifest.transaction { tx in
      try OutboxFeed(transaction: tx, batch: batch, at: DeliveryBench.time(30))
        .enqueueAllocatedCodes()
    }
    #expect(count == 2)
    let rows = try bench.rows().sorted { $0.extId < $1.extId }
    #expect(rows.map(\.extId) == ["C0001", "CT0001"])
    #expect(rows.map(\.resource) == ["accounts", "contacts"])
    #expect(rows.map(\.rank) == [1, 2])
    #expect(rows.map(\.action) == ["assignExtId", "assignExtId"])
    #expect(rows.map(\.smId) == [501, 601])
    #expect(rows.allSatisfy { $0.batch == batch && $0.state == "waiting" && $0.attempts == 0 })
    #expect(rows.allSatisfy { $0.updatedAt == "2026-11-28T10:15:30Z" })
    #expect(
      try rows.map { try JSONValue(jsonBytes: Array($0.body.utf8)) } == [
        ["action": "assignExtId", "extId": "C0001", "id": 501],
        ["action": "assignExtId", "extId": "CT0001", "id": 601],
      ])
  }

  /// What does not commit with its batch is never delivered.
  @Test func aRolledBackBatchLeavesNothingInTheOutbox() throws {
    var bench = try DeliveryBench()
    let path = try bench.payload(batch: batch, resource: "accounts", [.upsert("C001")])
    try bench.manifest.write { db in
      try db.execute(
        sql: """
          INSERT INTO allocatedCode(resource, code, smId, batch, allocatedAt)
          VALUES ('accounts', 'C0001', 501, ?, '2026-11-28T10:15:00Z')
          """, arguments: [batch])
    }
    #expect(throws: TestError.self) {
      try bench.manifest.transaction { tx in
        let feed = try OutboxFeed(transaction: tx, batch: batch, at: DeliveryBench.time())
        try #require(try feed.enqueue(payload: path) == 1)
        try #require(try feed.enqueueAllocatedCodes() == 1)
        throw TestError("the batch fails after queueing")
      }
    }
    #expect(try bench.rows().isEmpty)
    #expect(try bench.outbox.hasWaiting() == false)
  }
}
