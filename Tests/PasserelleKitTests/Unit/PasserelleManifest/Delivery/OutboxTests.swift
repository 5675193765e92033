import Foundation
import GRDB
import PasserelleOutput
import Testing

@testable import PasserelleManifest

/// The outbox read a slice at a time, and the id map it keeps.
@Suite struct OutboxTests {
  /// accounts C1…C3 (seq 1–3), users U1 (seq 4), then accounts C4 (seq 5).
  private func queuedAccountsAndUsers() throws -> DeliveryBench {
    var bench = try DeliveryBench()
    try bench.queue(resource: "accounts", [.upsert("C1"), .upsert("C2", id: 502), .upsert("C3")])
    try bench.queue(resource: "users", [.upsert("U1")])
    try bench.queue(batch: "20261128-110000-0001", resource: "accounts", [.upsert("C4")])
    return bench
  }

  @Test func waitingReadsOneRankInSeqOrderAfterTheCursorAndAtMostTheLimit() throws {
    let bench = try queuedAccountsAndUsers()
    let outbox = bench.outbox
    let accounts = DeliveryRank.of("accounts")
    #expect(try outbox.waiting(rank: accounts, after: 0, limit: 2).map(\.seq) == [1, 2])
    #expect(try outbox.waiting(rank: accounts, after: 2, limit: 2).map(\.seq) == [3, 5])
    #expect(try outbox.waiting(rank: accounts, after: 5, limit: 2).isEmpty)
    #expect(
      try outbox.waiting(rank: DeliveryRank.of("users"), after: 0, limit: 10).map(\.seq) == [4])
    #expect(try outbox.waiting(rank: DeliveryRank.of("contacts"), after: 0, limit: 10).isEmpty)
  }

  @Test func waitingGivesEachOperationAsQueued() throws {
    let bench = try queuedAccountsAndUsers()
    let operation = try #require(
      try bench.outbox.waiting(rank: DeliveryRank.of("accounts"), after: 1, limit: 1).first)
    #expect(operation.seq == 2)
    #expect(operation.batch == "20261128-101500-0001")
    #expect(operation.resource == "accounts")
    #expect(operation.action == "upsert")
    #expect(operation.extId == "C2")
    #expect(operation.smId == 502)
    #expect(operation.attempts == 0)
    #expect(
      String(decoding: operation.body, as: UTF8.self)
        == #"{"action": "upsert", "guid": "guid-C2", "extId": "C2", "id": 502, "data": {"name": "x"}}"#
    )
  }

  /// Operations being sent, or held for a record SM does not know yet, still wait;
  /// answered ones do not.
  @Test func sendingAndHeldOperationsStillWaitButAnsweredOnesDoNot() throws {
    let bench = try queuedAccountsAndUsers()
    let outbox = bench.outbox
    try outbox.markSending([3], at: DeliveryBench.time(1))
    let refusals = try outbox.record(
      [
        .delivered(seq: 1, smId: 501), .refused(seq: 2, message: "Nom obligatoire", field: "name"),
        .held(seq: 5, reason: "its sales rep is not in SM yet"),
      ], at: DeliveryBench.time(2))
    #expect(refusals.count == 1)
    #expect(
      try outbox.waiting(rank: DeliveryRank.of("accounts"), after: 0, limit: 10).map(\.seq) == [
        3, 5,
      ])
    #expect(try outbox.hasWaiting())
  }

  @Test func hasWaitingIsFalseOnceEveryOperationIsAnswered() throws {
    var bench = try DeliveryBench()
    #expect(try bench.outbox.hasWaiting() == false)
    try bench.queue(resource: "accounts", [.upsert("C1"), .upsert("C2")])
    #expect(try bench.outbox.hasWaiting())
    _ = try bench.outbox.record(
      [.delivered(seq: 1, smId: 501), .refused(seq: 2, message: "Refusé", field: nil)],
      at: DeliveryBench.time(1))
    #expect(try bench.outbox.hasWaiting() == false)
  }

  /// Each send is counted before its call, and a held operation sent at last is no
  /// longer held.
  @Test func markSendingCountsEachAttemptAndClearsTheHold() throws {
    var bench = try DeliveryBench()
    try bench.queue(resource: "contacts", [.upsert("CT1"), .upsert("CT2")])
    _ = try bench.outbox.record(
      [.held(seq: 1, reason: "its account is not in SM yet")], at: DeliveryBench.time(1))
    try bench.outbox.markSending([1], at: DeliveryBench.time(2))
    try bench.outbox.markSending([1], at: DeliveryBench.time(3))
    let sent = try #require(try bench.row(1))
    #expect(sent.state == "sending")
    #expect(sent.attempts == 2)
    #expect(sent.heldFor == nil)
    #expect(sent.updatedAt == "2026-11-28T10:15:03Z")
    let untouched = try #require(try bench.row(2))
    #expect(untouched.state == "waiting")
    #expect(untouched.attempts == 0)
    #expect(untouched.updatedAt == "2026-11-28T10:15:00Z")
    #expect(
      try bench.outbox.waiting(rank: DeliveryRank.of("contacts"), after: 0, limit: 1).first?
        .attempts == 2)
  }

  /// The id map: the manifest's records first, then what deliveries learnt; only a
  /// delivered operation says SM has the record.
  @Test func smIdIsFoundInTheRecordsAndInDeliveredOperationsOnly() throws {
    var bench = try DeliveryBench()
    try bench.insertRecord(resource: "accounts", code: "C1", smId: 501)
    try bench.insertRecord(resource: "accounts", code: "C9")  // SM id not known
    try bench.queue(resource: "contacts", [.upsert("CT2"), .upsert("CT3", id: 603)])
    _ = try bench.outbox.record([.delivered(seq: 1, smId: 602)], at: DeliveryBench.time(1))
    let outbox = bench.outbox
    #expect(try outbox.smId(resource: "accounts", extId: "C1") == 501)
    #expect(try outbox.smId(resource: "contacts", extId: "CT2") == 602)
    #expect(try outbox.smId(resource: "contacts", extId: "CT3") == nil)  // still waiting
    #expect(try outbox.smId(resource: "accounts", extId: "C9") == nil)
    #expect(try outbox.smId(resource: "contacts", extId: "C1") == nil)  // another resource
    #expect(try outbox.smId(resource: "accounts", extId: "CT2") == nil)
    #expect(try outbox.smId(resource: "accounts", extId: "C404") == nil)
  }

  /// A listing of SM teaches the records' ids; only records of that resource change.
  @Test func learnSetsTheIdsOfKnownRecordsOnly() throws {
    let bench = try DeliveryBench()
    try bench.insertRecord(resource: "accounts", code: "C1")
    try bench.insertRecord(resource: "accounts", code: "C2", smId: 111)
    try bench.insertRecord(resource: "contacts", code: "C1")
    try bench.outbox.learn(
      resource: "accounts", ids: [("C1", 501), ("C2", 502), ("C3", 503)])
    #expect(try bench.record(resource: "accounts", code: "C1")?.smId == 501)
    #expect(try bench.record(resource: "accounts", code: "C2")?.smId == 502)
    #expect(try bench.record(resource: "accounts", code: "C3") == nil)
    #expect(try bench.record(resource: "contacts", code: "C1")?.smId == nil)
  }

  /// What SM should hold of ours for one of its records: the last delivered
  /// operation for that id, not a refused or waiting later one.
  @Test func lastDeliveredIsTheLatestDeliveredOperationForTheSMId() throws {
    var bench = try DeliveryBench()
    try bench.queue(resource: "accounts", [.upsert("C1", #"{"name": "Avant"}"#)])
    _ = try bench.outbox.record([.delivered(seq: 1, smId: 501)], at: DeliveryBench.time(10))
    try bench.queue(resource: "accounts", [.upsert("C1", id: 501, #"{"name": "Après"}"#)])
    _ = try bench.outbox.record([.delivered(seq: 2, smId: 501)], at: DeliveryBench.time(20))
    try bench.queue(
      resource: "accounts",
      [
        .upsert("C1", id: 501, #"{"name": "Refusé"}"#),
        .upsert("C1", id: 501, #"{"name": "Plus tard"}"#),
      ])
    _ = try bench.outbox.record(
      [.refused(seq: 3, message: "Nom trop long", field: "name")], at: DeliveryBench.time(30))
    let last = try #require(try bench.outbox.lastDelivered(resource: "accounts", smId: 501))
    #expect(
      String(decoding: last.body, as: UTF8.self)
        == #"{"action": "upsert", "guid": "guid-C1", "extId": "C1", "id": 501, "data": {"name": "Après"}}"#
    )
    #expect(last.at == "2026-11-28T10:15:20Z")
    #expect(try bench.outbox.lastDelivered(resource: "contacts", smId: 501) == nil)
    #expect(try bench.outbox.lastDelivered(resource: "accounts", smId: 502) == nil)
  }

  /// Two keys delivered to one SM record (an upsert, then the Sage code it was given):
  /// the later delivery is what SM holds.
  @Test func lastDeliveredFollowsSeqAcrossKeysOfOneSMRecord() throws {
    var bench = try DeliveryBench()
    try bench.queue(resource: "contacts", [.upsert("SM-77", id: 77, #"{"lastName": "Roux"}"#)])
    try bench.manifest.write { db in
      try db.execute(
        sql: """
          INSERT INTO allocatedCode(resource, code, smId, batch, allocatedAt)
          VALUES ('contacts', 'CT0042', 77, 'B2', '2026-11-28T10:15:00Z')
          """)
    }
    _ = try bench.manifest.transaction { tx in
      try OutboxFeed(transaction: tx, batch: "B2", at: DeliveryBench.time()).enqueueAllocatedCodes()
    }
    _ = try bench.outbox.record(
      [.delivered(seq: 1, smId: 77), .delivered(seq: 2, smId: 77)], at: DeliveryBench.time(5))
    let last = try #require(try bench.outbox.lastDelivered(resource: "contacts", smId: 77))
    #expect(try bench.row(2)?.action == "assignExtId")
    #expect(last.body == Data(try #require(try bench.row(2)).body.utf8))
  }
}
