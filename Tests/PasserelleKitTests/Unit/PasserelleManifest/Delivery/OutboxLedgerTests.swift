import Foundation
import GRDB
import PasserelleOutput
import Testing

@testable import PasserelleManifest

/// SM's answers written into the outbox: what a delivery teaches, what a refusal
/// undoes, what a hold keeps waiting.
@Suite struct OutboxLedgerTests {
  @Test func aDeliveryStoresSMsIdAndTeachesItToTheRecord() throws {
    var bench = try DeliveryBench()
    try bench.insertRecord(resource: "accounts", code: "C1")
    try bench.insertRecord(resource: "contacts", code: "C1")
    try bench.queue(resource: "accounts", [.upsert("C1")])
    try bench.outbox.markSending([1], at: DeliveryBench.time(1))
    let refusals = try bench.outbox.record(
      [.delivered(seq: 1, smId: 501)], at: DeliveryBench.time(2))
    #expect(refusals.isEmpty)
    let row = try #require(try bench.row(1))
    #expect(row.state == "delivered")
    #expect(row.smId == 501)
    #expect(row.attempts == 1)
    #expect(row.updatedAt == "2026-11-28T10:15:02Z")
    #expect(try bench.record(resource: "accounts", code: "C1")?.smId == 501)
    #expect(try bench.record(resource: "contacts", code: "C1")?.smId == nil)
  }

  /// SM answering without an id (an update of a record whose id was known) keeps
  /// the id the operation was queued with.
  @Test func aDeliveryWithoutAnIdKeepsTheQueuedOne() throws {
    var bench = try DeliveryBench()
    try bench.queue(resource: "accounts", [.upsert("C1", id: 501)])
    _ = try bench.outbox.record([.delivered(seq: 1, smId: nil)], at: DeliveryBench.time(1))
    #expect(try bench.row(1)?.smId == 501)
    #expect(try bench.row(1)?.state == "delivered")
  }

  /// A delivery clears what an earlier hold of the same operation said.
  @Test func aDeliveryAfterAHoldClearsTheHold() throws {
    var bench = try DeliveryBench()
    try bench.queue(resource: "contacts", [.upsert("CT1")])
    _ = try bench.outbox.record(
      [.held(seq: 1, reason: "its account is not in SM yet")], at: DeliveryBench.time(1))
    _ = try bench.outbox.record([.delivered(seq: 1, smId: 601)], at: DeliveryBench.time(2))
    let row = try #require(try bench.row(1))
    #expect(row.state == "delivered")
    #expect(row.heldFor == nil)
  }

  /// Only the latest answered operation of a record stays: older delivered and
  /// refused ones of the same record go, other records' and waiting ones stay.
  @Test func aDeliveryPrunesOlderAnsweredOperationsOfTheSameRecordOnly() throws {
    var bench = try DeliveryBench()
    try bench.queue(resource: "accounts", [.upsert("C1"), .upsert("C2")])  // 1, 2
    _ = try bench.outbox.record(
      [.delivered(seq: 1, smId: 501), .delivered(seq: 2, smId: 502)], at: DeliveryBench.time(1))
    try bench.queue(resource: "accounts", [.upsert("C1", id: 501)])  // 3
    _ = try bench.outbox.record(
      [.refused(seq: 3, message: "Refusé", field: nil)], at: DeliveryBench.time(2))
    try bench.queue(resource: "contacts", [.upsert("C1")])  // 4: same code, other resource
    _ = try bench.outbox.record([.delivered(seq: 4, smId: 601)], at: DeliveryBench.time(3))
    try bench.queue(resource: "accounts", [.upsert("C1", id: 501), .upsert("C1", id: 501)])  // 5, 6
    #expect(try bench.rows().map(\.seq) == [1, 2, 3, 4, 5, 6])
    _ = try bench.outbox.record([.delivered(seq: 6, smId: 501)], at: DeliveryBench.time(4))
    let rows = try bench.rows()
    #expect(rows.map(\.seq) == [2, 4, 5, 6])
    #expect(rows.map(\.state) == ["delivered", "delivered", "waiting", "delivered"])
  }

  @Test func aRefusalKeepsSMsMessageAndFieldAndIsReturnedForTheRejectReport() throws {
    var bench = try DeliveryBench()
    try bench.queue(batch: "20261128-101500-0007", resource: "accounts", [.upsert("C1")])
    try bench.queue(batch: "20261128-101500-0008", resource: "accounts", [.upsert("C2")])
    try bench.outbox.markSending([1, 2], at: DeliveryBench.time(1))
    let refusals = try bench.outbox.record(
      [
        .refused(seq: 1, message: "L'adresse e-mail n'est pas valide", field: "email"),
        .refused(seq: 2, message: "Enregistrement verrouillé", field: nil),
      ], at: DeliveryBench.time(2))
    #expect(refusals.map(\.batch) == ["20261128-101500-0007", "20261128-101500-0008"])
    #expect(refusals.map(\.resource) == ["accounts", "accounts"])
    #expect(refusals.map(\.extId) == ["C1", "C2"])
    #expect(
      refusals.map(\.message) == [
        "L'adresse e-mail n'est pas valide", "Enregistrement verrouillé",
      ])
    #expect(refusals.map(\.field) == ["email", nil])
    let rows = try bench.rows()
    #expect(rows.map(\.state) == ["refused", "refused"])
    #expect(
      rows.map(\.message) == ["L'adresse e-mail n'est pas valide", "Enregistrement verrouillé"])
    #expect(rows.map(\.field) == ["email", nil])
    #expect(rows.map(\.updatedAt) == ["2026-11-28T10:15:02Z", "2026-11-28T10:15:02Z"])
  }

  /// A refused record is sent again with its next export even if unchanged: the
  /// manifest forgets what it last sent of it, and of it only.
  @Test func aRefusalForgetsTheRecordsFingerprintsOnly() throws {
    var bench = try DeliveryBench()
    try bench.insertRecord(resource: "accounts", code: "C1", smId: 501)
    try bench.insertRecord(resource: "accounts", code: "C2", smId: 502)
    try bench.insertRecord(resource: "contacts", code: "C1")
    try bench.queue(resource: "accounts", [.upsert("C1", id: 501), .upsert("C2", id: 502)])
    _ = try bench.outbox.record(
      [.refused(seq: 1, message: "Refusé", field: nil), .delivered(seq: 2, smId: 502)],
      at: DeliveryBench.time(1))
    #expect(
      try bench.record(resource: "accounts", code: "C1")
        == RecordRow(smId: 501, fingerprint: nil, rowFingerprint: nil))
    #expect(
      try bench.record(resource: "accounts", code: "C2")
        == RecordRow(smId: 502, fingerprint: [1, 2, 3], rowFingerprint: [4, 5, 6]))
    #expect(
      try bench.record(resource: "contacts", code: "C1")
        == RecordRow(smId: nil, fingerprint: [1, 2, 3], rowFingerprint: [4, 5, 6]))
  }

  /// An answer for an operation no longer in the outbox changes nothing.
  @Test func anAnswerForAnUnknownSeqIsIgnored() throws {
    var bench = try DeliveryBench()
    try bench.insertRecord(resource: "accounts", code: "C1")
    try bench.queue(resource: "accounts", [.upsert("C1")])
    let before = try bench.rows()
    let refusals = try bench.outbox.record(
      [.refused(seq: 99, message: "Refusé", field: nil), .delivered(seq: 98, smId: 501)],
      at: DeliveryBench.time(1))
    #expect(refusals.isEmpty)
    #expect(try bench.rows() == before)
    #expect(
      try bench.record(resource: "accounts", code: "C1")
        == RecordRow(smId: nil, fingerprint: [1, 2, 3], rowFingerprint: [4, 5, 6]))
  }

  /// A held operation stays in the queue with its reason, and `status` counts it
  /// as held, not as waiting.
  @Test func aHeldOperationStaysWaitingWithItsReasonAndIsCountedAsHeld() throws {
    var bench = try DeliveryBench()
    try bench.queue(resource: "contacts", [.upsert("CT1"), .upsert("CT2")])
    try bench.outbox.markSending([1], at: DeliveryBench.time(1))
    _ = try bench.outbox.record(
      [.held(seq: 1, reason: "its account C9 is not in SM yet")], at: DeliveryBench.time(2))
    let held = try #require(try bench.row(1))
    #expect(held.state == "waiting")
    #expect(held.heldFor == "its account C9 is not in SM yet")
    #expect(held.attempts == 1)
    #expect(held.updatedAt == "2026-11-28T10:15:02Z")
    let status = try bench.manifest.read { db in try DeliveryStatus.load(db) }
    let queue = try #require(status.queues.first)
    #expect(status.queues.count == 1)
    #expect(queue.resource == "contacts")
    #expect(queue.held == 1)
    #expect(queue.waiting == 1)
    #expect(queue.delivered == 0)
    #expect(queue.refused == 0)
  }
}
