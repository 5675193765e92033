import Foundation
import PasserelleOutput
import Testing

@testable import PasserelleManifest

/// The SM connector's part of `status`, as `StatusReport` reads it from the file.
@Suite struct DeliveryStatusTests {
  @Test func aManifestTheConnectorNeverUsedHasNoDeliveryStatus() throws {
    let bench = try DeliveryBench()
    let report = try StatusReport.load(from: bench.manifest.path)
    #expect(report.delivery == nil)
    #expect(!report.text(in: .english).contains("SM API"))
    #expect(!report.text(in: .french).contains("API SM"))
  }

  /// Per resource in delivery order: operations being sent count as waiting, held
  /// ones apart, answered ones by their answer.
  @Test func theQueuesAreCountedPerResourceInDeliveryOrder() throws {
    var bench = try DeliveryBench()
    // contacts CT1…CT4 are seq 1–4, accounts C1…C6 seq 5–10, users U1 seq 11.
    try bench.queue(resource: "contacts", ["CT1", "CT2", "CT3", "CT4"].map { .upsert($0) })
    try bench.queue(resource: "accounts", ["C1", "C2", "C3", "C4", "C5", "C6"].map { .upsert($0) })
    try bench.queue(resource: "users", [.upsert("U1")])
    try bench.outbox.markSending([6, 2], at: DeliveryBench.time(1))
    _ = try bench.outbox.record(
      [
        .delivered(seq: 2, smId: 602), .refused(seq: 3, message: "Refusé", field: nil),
        .held(seq: 4, reason: "its account is not in SM yet"),
        .delivered(seq: 7, smId: 507), .delivered(seq: 8, smId: 508),
        .refused(seq: 9, message: "Refusé", field: "name"),
        .held(seq: 10, reason: "its sales rep is not in SM yet"),
        .delivered(seq: 11, smId: 11),
      ], at: DeliveryBench.time(2))
    let delivery = try #require(try StatusReport.load(from: bench.manifest.path).delivery)
    #expect(
      delivery.queues.map {
        "\($0.resource): \($0.waiting) waiting, \($0.held) held, \($0.delivered) delivered, \($0.refused) refused"
      } == [
        "users: 0 waiting, 0 held, 1 delivered, 0 refused",
        "accounts: 2 waiting, 1 held, 2 delivered, 1 refused",
        "contacts: 1 waiting, 1 held, 1 delivered, 1 refused",
      ])
  }

  /// A record delivered, then refused on a later change, counts once: as refused.
  @Test func aRecordRefusedAfterItsDeliveryCountsAsRefusedOnly() throws {
    var bench = try DeliveryBench()
    try bench.queue(resource: "accounts", [.upsert("C1"), .upsert("C2")])
    _ = try bench.outbox.record(
      [.delivered(seq: 1, smId: 501), .delivered(seq: 2, smId: 502)], at: DeliveryBench.time(1))
    try bench.queue(resource: "accounts", [.upsert("C1", id: 501)])
    _ = try bench.outbox.record(
      [.refused(seq: 3, message: "Refusé", field: nil)], at: DeliveryBench.time(2))
    let queue = try #require(
      try StatusReport.load(from: bench.manifest.path).delivery?.queues.first)
    #expect(queue.delivered == 1 && queue.refused == 1)
  }

  /// `failingSince` is the first failure of a run of failures, until a success;
  /// the last error stays to be read after it.
  @Test func healthKeepsTheFirstFailureOfARunUntilASuccess() throws {
    let bench = try DeliveryBench()
    let health = APIHealthBook(manifest: bench.manifest)
    func delivery() throws -> DeliveryStatus {
      try #require(try StatusReport.load(from: bench.manifest.path).delivery)
    }
    try health.recordFailure("HTTP 503 on GET /accounts", at: DeliveryBench.time(10))
    try health.recordFailure("HTTP 500 on POST /accounts/bulk", at: DeliveryBench.time(20))
    var status = try delivery()
    #expect(status.lastError == "HTTP 500 on POST /accounts/bulk")
    #expect(status.lastErrorAt == "2026-11-28T10:15:20Z")
    #expect(status.failingSince == "2026-11-28T10:15:10Z")
    #expect(status.lastSuccessAt == nil)
    try health.recordSuccess(at: DeliveryBench.time(30))
    status = try delivery()
    #expect(status.lastSuccessAt == "2026-11-28T10:15:30Z")
    #expect(status.failingSince == nil)
    #expect(status.lastError == "HTTP 500 on POST /accounts/bulk")
    #expect(status.lastErrorAt == "2026-11-28T10:15:20Z")
    try health.recordFailure("HTTP 401 on POST /login", at: DeliveryBench.time(40))
    status = try delivery()
    #expect(status.failingSince == "2026-11-28T10:15:40Z")
    #expect(status.lastSuccessAt == "2026-11-28T10:15:30Z")
    #expect(status.lastError == "HTTP 401 on POST /login")
  }

  @Test func thePullWatermarksAreListedPerResource() throws {
    let bench = try DeliveryBench()
    try APIHealthBook(manifest: bench.manifest).recordSuccess(at: DeliveryBench.time())
    let ledger = PullLedger(manifest: bench.manifest)
    try ledger.advance(
      resource: "contacts", to: "2026-11-28T10:14:10Z", versions: [], at: DeliveryBench.time())
    try ledger.advance(
      resource: "accounts", to: "2026-11-28T10:13:05.250Z", versions: [(501, "v")],
      at: DeliveryBench.time())
    let report = try StatusReport.load(from: bench.manifest.path)
    let delivery = try #require(report.delivery)
    #expect(
      delivery.pullWatermarks == [
        "accounts": "2026-11-28T10:13:05.250Z", "contacts": "2026-11-28T10:14:10Z",
      ])
    #expect(delivery.queues.isEmpty)
    #expect(
      report.text(in: .english).contains(
        """
        Pulled from SM, companies: changes up to 2026-11-28T10:13:05.250Z
        Pulled from SM, contacts: changes up to 2026-11-28T10:14:10Z
        """))
  }
}
