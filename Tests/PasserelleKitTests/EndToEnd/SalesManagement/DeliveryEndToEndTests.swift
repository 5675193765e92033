import Foundation
import Testing

/// `passerelle run --once` and `push` against the emulator on loopback: the real
/// binaries, SM's HTTP API, the manifest on disk.
@Suite(.serialized) struct DeliveryEndToEndTests {
  /// Every sample is delivered once, in dependency order, with SM's answers counted.
  @Test func theSamplesAreDeliveredOnceEach() async throws {
    let emulator = try EmulatorProcess()
    let root = try ConnectedRoot(emulator)
    try root.dropSamples()
    let run = try await root.run("run", "--once")
    #expect(run.status == 1)  // the samples hold bad rows on purpose
    var session = EmulatorSession(emulator)
    try await session.login()
    let queues = try root.queues()
    for resource in ["users", "accounts", "contacts", "products", "sales"] {
      let queue = try #require(queues[resource], "\(resource) delivered")
      #expect(queue.waiting == 0 && queue.held == 0 && queue.refused == 0, "\(resource)")
      let creates = try await session.creates(resource)
      #expect(creates.count == queue.delivered, "\(resource): one SM record per record")
      #expect(creates.values.allSatisfy { $0 == 1 }, "\(resource) created once each")
    }
    let account = try #require(try await session.record("accounts", extId: "C00004"))
    #expect(account["name"] as? String == "Librairie Renaud")
    // Its rep, created in SM just before it in the same delivery, not the fallback user.
    let rep = try #require(account["Z_REPRESENTANT"] as? String)
    let user = try #require(try await session.record("users", extId: rep))
    #expect(account["salesRepId1"] as? Int == user["id"] as? Int)
    let contact = try #require(try await session.record("contacts", extId: "CT0002"))
    #expect(contact["accountId"] as? Int == account["id"] as? Int)
    #expect(contact["salesRepId"] as? Int == account["salesRepId1"] as? Int)
    let push = try await root.run("push")
    #expect(push.status == 0)
    #expect(push.error.contains("Rien n'attendait"))
  }

  /// A changed export updates the records SM has (never a second create), and a
  /// customer gone from the export is deleted in SM, where it stays marked deleted.
  @Test func aChangedExportUpdatesAndDeletesNeverRecreates() async throws {
    let emulator = try EmulatorProcess()
    let root = try ConnectedRoot(emulator)
    try root.root.drop(sample: TestFiles.sample(SageSamples.customers))
    try await root.run("run", "--once")
    let edited = try SageSamples.edited(
      SageSamples.customers, key: "Code", removing: ["C00007"],
      changing: ["C00004": ["Société": "Librairie Renaud & Fils"]])
    try root.root.drop(edited, as: "Export des clients 2.Txt")
    try await root.run("run", "--once")
    var session = EmulatorSession(emulator)
    try await session.login()
    let creates = try await session.creates("accounts")
    #expect(!creates.isEmpty && creates.values.allSatisfy { $0 == 1 })
    let renamed = try #require(try await session.record("accounts", extId: "C00004"))
    #expect(renamed["name"] as? String == "Librairie Renaud & Fils")
    #expect(renamed["dateUpdated"] is String)
    let gone = try #require(try await session.record("accounts", extId: "C00007"))
    #expect(gone["deleted"] as? Bool == true)
  }

  /// A record SM refuses is a row of its batch's reject report with SM's message,
  /// its field and what to do, counted in `status`; the rest is delivered. Once the
  /// cause is fixed, the refused records go again with the next export, unchanged
  /// as they are.
  @Test func aRefusedRecordIsReportedThenSentAgainWithTheNextExport() async throws {
    let emulator = try EmulatorProcess(["--branch-id", "2"])
    let root = try ConnectedRoot(emulator)
    try root.root.drop(sample: TestFiles.sample(SageSamples.customers))
    try root.root.drop(sample: TestFiles.sample(SageSamples.articles))
    try await root.run("run", "--once")
    let refused = try #require(try root.queues()["accounts"])
    #expect(refused.refused > 30 && refused.delivered == 0)
    #expect(try root.queues()["products"]?.delivered ?? 0 > 20)
    let report = try #require(
      root.root.scratch.files(in: "out/rejects").first {
        $0.hasSuffix("Export des clients.Txt.rejects.csv")
      })
    let text = try TestFiles.read(root.root.scratch.file("out/rejects/\(report)"))
    #expect(text.contains(";C00004;branchId;error;refused-by-salesmanagement;"))
    #expect(text.contains("branchId 1 does not exist"))
    #expect(text.contains("branch_id"))
    try root.writeSettings(branchId: 2)
    let edited = try SageSamples.edited(
      SageSamples.customers, key: "Code", changing: ["C00004": ["Société": "Librairie R."]])
    try root.root.drop(edited, as: "Export des clients 2.Txt")
    try await root.run("run", "--once")
    let after = try #require(try root.queues()["accounts"])
    #expect(after.refused == 0 && after.delivered == refused.refused)
  }
}
