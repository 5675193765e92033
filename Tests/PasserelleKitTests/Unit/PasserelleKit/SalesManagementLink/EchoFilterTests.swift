import Foundation
import PasserelleOutput
import SalesManagementAPI
import Testing

@testable import PasserelleKit
@testable import PasserelleManifest

/// A pull brings back Passerelle's own writes: those are recognised (Sage gets
/// nothing for them) only when SM changed the record no later than our last
/// delivery to it, give or take 5 s, and still holds every value we sent.
@Suite struct EchoFilterTests {
  /// accounts C1 delivered as SM's 501 at 10:15:00Z.
  private static func deliveredAccount() throws -> DeliveryBench {
    var bench = try DeliveryBench()
    try bench.queue(
      resource: "accounts",
      [.upsert("C1", #"{"name": "Boulangerie Martin", "city": "Lyon", "employees": 12}"#)])
    _ = try bench.outbox.record([.delivered(seq: 1, smId: 501)], at: DeliveryBench.time())
    return bench
  }

  /// The account as SM lists it: what we sent, and what SM adds of its own.
  private static func pulled(
    _ changes: [String: JSONValue] = [:], version: String = "2026-11-28T10:15:01Z"
  ) -> JSONValue {
    var members: [String: JSONValue] = [
      "id": 501, "extId": "C1", "name": "Boulangerie Martin", "city": "Lyon", "employees": 12,
      "phone": nil, "dateCreated": "2026-11-28T10:15:00Z", "dateUpdated": .string(version),
    ]
    members.merge(changes) { _, new in new }
    return .object(members)
  }

  @Test(arguments: [
    "2026-11-28T10:14:30Z", "2026-11-28T10:15:00Z", "2026-11-28T10:15:02.400Z",
    "2026-11-28T10:15:05Z",
  ])
  func aRecordChangedNoLaterThanFiveSecondsAfterOurDeliveryWithOurValuesIsAnEcho(
    version: String
  ) throws {
    let bench = try Self.deliveredAccount()
    let filter = EchoFilter(outbox: bench.outbox)
    #expect(
      try filter.isEcho(
        Self.pulled(version: version), resource: "accounts", id: 501, version: version))
  }

  @Test(arguments: ["2026-11-28T10:15:05.001Z", "2026-11-28T10:15:10Z", "2026-11-28T11:15:00Z"])
  func aRecordChangedLaterThanThatIsNotAnEcho(version: String) throws {
    let bench = try Self.deliveredAccount()
    let filter = EchoFilter(outbox: bench.outbox)
    #expect(
      try !filter.isEcho(
        Self.pulled(version: version), resource: "accounts", id: 501, version: version))
  }

  @Test(
    arguments: [
      ["city": "Paris"], ["name": "Boulangerie Martin & Fils"], ["employees": 13],
      ["employees": "12"], ["city": nil],
    ] as [[String: JSONValue]])
  func aRecordThatNoLongerHoldsAValueWeSentIsNotAnEcho(change: [String: JSONValue]) throws {
    let bench = try Self.deliveredAccount()
    let filter = EchoFilter(outbox: bench.outbox)
    #expect(
      try !filter.isEcho(
        Self.pulled(change), resource: "accounts", id: 501, version: "2026-11-28T10:15:01Z"))
  }

  /// Only a delivered operation says what SM holds of ours: nothing delivered to
  /// that id, or to that resource, means the change is SM's own.
  @Test func aRecordWeNeverDeliveredIsNotAnEcho() throws {
    var bench = try Self.deliveredAccount()
    try bench.queue(resource: "accounts", [.upsert("C2", id: 502, #"{"name": "Roux"}"#)])
    let filter = EchoFilter(outbox: bench.outbox)
    let version = "2026-11-28T10:15:01Z"
    #expect(try !filter.isEcho(Self.pulled(), resource: "contacts", id: 501, version: version))
    #expect(
      try !filter.isEcho(
        ["id": 502, "extId": "C2", "name": "Roux", "dateUpdated": .string(version)],
        resource: "accounts", id: 502, version: version))
  }

  /// The Sage code CT0042 given to SM's contact 777, delivered at 10:15:00Z.
  private static func deliveredCode() throws -> DeliveryBench {
    let bench = try DeliveryBench()
    try bench.manifest.write { db in
      try db.execute(
        sql: """
          INSERT INTO allocatedCode(resource, code, smId, batch, allocatedAt)
          VALUES ('contacts', 'CT0042', 777, 'B1', '2026-11-28T10:15:00Z')
          """)
    }
    _ = try bench.manifest.transaction { tx in
      try OutboxFeed(transaction: tx, batch: "B1", at: DeliveryBench.time()).enqueueAllocatedCodes()
    }
    _ = try bench.outbox.record([.delivered(seq: 1, smId: 777)], at: DeliveryBench.time())
    return bench
  }

  /// For a Sage code given to a record created in SM, what we sent is its `extId`
  /// alone: the rest of the record is SM's.
  @Test(arguments: [
    ("CT0042", true), ("CT0041", false),
  ])
  func anAssignedCodeIsAnEchoWhenSMHoldsThatExtId(extId: String, isEcho: Bool) throws {
    let bench = try Self.deliveredCode()
    let version = "2026-11-28T10:15:03Z"
    let record: JSONValue = [
      "id": 777, "extId": .string(extId), "lastName": "Roux", "firstName": "Claire",
      "dateUpdated": .string(version),
    ]
    #expect(
      try EchoFilter(outbox: bench.outbox).isEcho(
        record, resource: "contacts", id: 777, version: version) == isEcho)
  }

  @Test func anAssignedCodeIsNotAnEchoWhenSMHasNoExtIdForTheRecord() throws {
    let bench = try Self.deliveredCode()
    let version = "2026-11-28T10:15:03Z"
    #expect(
      try !EchoFilter(outbox: bench.outbox).isEcho(
        ["id": 777, "extId": nil, "lastName": "Roux", "dateUpdated": .string(version)],
        resource: "contacts", id: 777, version: version))
  }
}
