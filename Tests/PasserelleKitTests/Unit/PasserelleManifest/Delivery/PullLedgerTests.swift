import Foundation
import Testing

@testable import PasserelleManifest

/// What the pull from SM remembers: the watermark per resource, which only moves
/// forward, and the versions already pulled.
@Suite struct PullLedgerTests {
  @Test func aResourceNeverPulledHasNoWatermark() throws {
    let bench = try DeliveryBench()
    #expect(try PullLedger(manifest: bench.manifest).watermark("accounts") == nil)
  }

  @Test func advanceSetsTheWatermarkOfItsResourceOnly() throws {
    let bench = try DeliveryBench()
    let ledger = PullLedger(manifest: bench.manifest)
    try ledger.advance(
      resource: "accounts", to: "2026-11-28T10:15:00Z", versions: [], at: DeliveryBench.time())
    #expect(try ledger.watermark("accounts") == "2026-11-28T10:15:00Z")
    #expect(try ledger.watermark("contacts") == nil)
    try ledger.advance(
      resource: "accounts", to: "2026-11-28T10:20:00Z", versions: [], at: DeliveryBench.time(300))
    #expect(try ledger.watermark("accounts") == "2026-11-28T10:20:00Z")
  }

  /// A pass that saw no change (no new watermark) leaves the watermark as it was.
  @Test func advanceWithoutAWatermarkKeepsTheOneThere() throws {
    let bench = try DeliveryBench()
    let ledger = PullLedger(manifest: bench.manifest)
    try ledger.advance(
      resource: "accounts", to: nil, versions: [], at: DeliveryBench.time())
    #expect(try ledger.watermark("accounts") == nil)
    try ledger.advance(
      resource: "accounts", to: "2026-11-28T10:15:00Z", versions: [], at: DeliveryBench.time())
    try ledger.advance(
      resource: "accounts", to: nil, versions: [], at: DeliveryBench.time(60))
    #expect(try ledger.watermark("accounts") == "2026-11-28T10:15:00Z")
  }

  /// SM writes its times with or without fractions of a second: the watermark is
  /// the later time, whichever way each is written (as text, "…00Z" sorts after
  /// "…00.500Z", which is half a second later).
  @Test(arguments: [
    ("2026-11-28T10:15:00Z", "2026-11-28T10:14:59Z"),
    ("2026-11-28T10:15:00Z", "2026-11-27T23:59:59Z"),
    ("2026-11-28T10:15:00.500Z", "2026-11-28T10:15:00.250Z"),
    ("2026-11-28T10:15:01Z", "2026-11-28T10:15:00.999Z"),
    ("2026-11-28T10:15:00.500Z", "2026-11-28T10:15:00Z"),
  ])
  func anOlderWatermarkDoesNotMoveItBack(current: String, older: String) throws {
    let bench = try DeliveryBench()
    let ledger = PullLedger(manifest: bench.manifest)
    try ledger.advance(resource: "accounts", to: current, versions: [], at: DeliveryBench.time())
    try ledger.advance(resource: "accounts", to: older, versions: [], at: DeliveryBench.time(60))
    #expect(try ledger.watermark("accounts") == current)
  }

  /// The first pull sets the watermark to the local time, without fractions; SM's
  /// changes in the same second are later all the same.
  @Test(arguments: [
    ("2026-11-28T10:15:00Z", "2026-11-28T10:15:01Z"),
    ("2026-11-28T10:15:00.250Z", "2026-11-28T10:15:00.500Z"),
    ("2026-11-28T10:15:00.999Z", "2026-11-28T10:15:01Z"),
    ("2026-11-28T10:15:00Z", "2026-11-28T10:15:00.700Z"),
  ])
  func aLaterWatermarkMovesItForward(current: String, later: String) throws {
    let bench = try DeliveryBench()
    let ledger = PullLedger(manifest: bench.manifest)
    try ledger.advance(resource: "accounts", to: current, versions: [], at: DeliveryBench.time())
    try ledger.advance(resource: "accounts", to: later, versions: [], at: DeliveryBench.time(60))
    #expect(try ledger.watermark("accounts") == later)
  }

  /// A record is already pulled in exactly the version last written; a new version
  /// of it replaces the old.
  @Test func alreadyPulledHoldsForTheSameVersionOfTheSameRecordOnly() throws {
    let bench = try DeliveryBench()
    let ledger = PullLedger(manifest: bench.manifest)
    #expect(
      try !ledger.alreadyPulled(resource: "accounts", smId: 501, version: "2026-11-28T10:14:00Z"))
    try ledger.advance(
      resource: "accounts", to: "2026-11-28T10:14:30Z",
      versions: [(501, "2026-11-28T10:14:00Z"), (502, "2026-11-28T10:14:30Z")],
      at: DeliveryBench.time())
    #expect(
      try ledger.alreadyPulled(resource: "accounts", smId: 501, version: "2026-11-28T10:14:00Z"))
    #expect(
      try ledger.alreadyPulled(resource: "accounts", smId: 502, version: "2026-11-28T10:14:30Z"))
    #expect(
      try !ledger.alreadyPulled(resource: "accounts", smId: 501, version: "2026-11-28T10:14:30Z"))
    #expect(
      try !ledger.alreadyPulled(resource: "accounts", smId: 503, version: "2026-11-28T10:14:00Z"))
    #expect(
      try !ledger.alreadyPulled(resource: "contacts", smId: 501, version: "2026-11-28T10:14:00Z"))
    try ledger.advance(
      resource: "accounts", to: nil, versions: [(501, "2026-11-28T10:16:00Z")],
      at: DeliveryBench.time(60))
    #expect(
      try ledger.alreadyPulled(resource: "accounts", smId: 501, version: "2026-11-28T10:16:00Z"))
    #expect(
      try !ledger.alreadyPulled(resource: "accounts", smId: 501, version: "2026-11-28T10:14:00Z"))
  }
}
