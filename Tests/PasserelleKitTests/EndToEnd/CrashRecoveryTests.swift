import Foundation
import GRDB
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleManifest
@testable import PasserelleOutput
@testable import PasserelleReading
@testable import SageToSalesManagement
@testable import SalesManagementToSage

/// kill -9 at any instant loses nothing and duplicates nothing (`docs/reliability.md`).
@Suite(.serialized) struct CrashRecoveryTests {
  @Test func aBatchKilledAtRandomMomentsIsDeliveredExactlyOnce() throws {
    let builder = try CustomerExportBuilder()
    let export = builder.build(count: 20_000)
    let seed = TestSeed.draw(
      for: "CrashRecoveryTests.aBatchKilledAtRandomMomentsIsDeliveredExactlyOnce")
    var generator = SeededGenerator(seed: seed)
    var killedMidway = 0
    for round in 0..<6 {
      let root = try TestFiles.scratch("crash\(round)")
      _ = try PasserelleProcess.run(["init", "--root", root.path])
      try TestFiles.write("[sync]\nstability_seconds = 0\n", to: root.file("passerelle.toml"))
      try builder.write(export, to: root.file("watch/sage/Clients.Txt"))

      let victim = PasserelleProcess(["run", "--once", "--root", root.path])
      try victim.start()
      Thread.sleep(forTimeInterval: Double.random(in: 0.05...1.5, using: &generator))
      victim.kill(SIGKILL)
      if victim.finish().status != 0 && victim.process.terminationReason == .uncaughtSignal {
        killedMidway += 1
      }

      let restart = try PasserelleProcess.run(["run", "--once", "--root", root.path])
      #expect(restart.status == 0, "seed \(seed), round \(round): \(restart.error)")
      let payloads = root.files(in: "out/salesmanagement").filter {
        $0.hasSuffix("-accounts.json")
      }
      #expect(payloads.count == 1, "seed \(seed), round \(round): \(payloads)")
      let contacts = root.files(in: "out/salesmanagement").filter { $0.hasSuffix("-contacts.json") }
      #expect(contacts.count == 1, "seed \(seed), round \(round): \(contacts)")
      let payload = root.file("out/salesmanagement/\(payloads.first ?? "")")
      let json = try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: payload)))
      let operations = (json as? [String: Any])?["operations"] as? [Any]
      #expect(operations?.count == 20_000, "seed \(seed), round \(round)")
      #expect(root.files(in: "out/archive").count == 1, "seed \(seed), round \(round)")
      #expect(root.files(in: "watch/sage").isEmpty, "seed \(seed), round \(round)")
      #expect(root.files(in: "out/work").isEmpty, "seed \(seed), round \(round)")
      let leftovers = try FileManager.default.subpathsOfDirectory(atPath: root.file("out"))
        .filter { $0.hasSuffix(".tmp") || $0.contains("/.2") }
      #expect(leftovers.isEmpty, "seed \(seed), round \(round): \(leftovers)")
      let manifest = try Manifest(path: root.file("out/manifest.sqlite"))
      let states = try manifest.read { db in
        try String.fetchAll(db, sql: "SELECT state FROM batch")
      }
      #expect(states == ["done"], "seed \(seed), round \(round)")
    }
    #expect(killedMidway > 0, "seed \(seed)")
  }

  /// The service killed at random moments while 50 exports wait, restarted each
  /// time: every export is delivered exactly once, and nothing is left half-done.
  @Test func fiftyBatchesUnderRepeatedKillsAreEachDeliveredOnce() throws {
    let builder = try CustomerExportBuilder()
    let root = try TestFiles.scratch()
    _ = try PasserelleProcess.run(["init", "--root", root.path])
    try TestFiles.write(
      // Each export is a full list that drops the previous one's customers: allowed
      // here. Every kill is ours, not the file's: no attempt limit sets one aside.
      "[sync]\nstability_seconds = 0\nsage_poll_seconds = 0.2\nmass_deletion_share = 1\n"
        + "max_attempts = 1000\n",
      to: root.file("passerelle.toml"))
    let files = 50
    let rows = 300
    for index in 0..<files {
      let prefix = "K" + String(format: "%02d", index)
      try builder.write(
        builder.build(count: rows, prefix: prefix),
        to: root.file("watch/sage/clients-\(prefix).txt"))
    }
    let seed = TestSeed.draw(
      for: "CrashRecoveryTests.fiftyBatchesUnderRepeatedKillsAreEachDeliveredOnce")
    var generator = SeededGenerator(seed: seed)
    var kills = 0
    for _ in 0..<200 {
      if root.files(in: "watch/sage").isEmpty && root.files(in: "out/work").isEmpty { break }
      let service = PasserelleProcess(["run", "--root", root.path])
      try service.start()
      Thread.sleep(forTimeInterval: Double.random(in: 0.1...0.8, using: &generator))
      service.kill(SIGKILL)
      _ = service.finish()
      kills += 1
    }
    // The killed services did the work, not only the final pass.
    let deliveredUnderKills = root.files(in: "out/archive").count
    let last = try PasserelleProcess.run(["run", "--once", "--root", root.path])
    #expect(last.status == 0, "seed \(seed): \(last.error)")
    #expect(kills >= 2, "seed \(seed): the service was killed \(kills) times")
    #expect(
      deliveredUnderKills >= files / 2, "seed \(seed): \(deliveredUnderKills) before the last pass")

    let manifest = try Manifest(path: root.file("out/manifest.sqlite"))
    let batches = try manifest.read { db in
      try Row.fetchAll(db, sql: "SELECT sourceName, state, rowsRead FROM batch")
    }
    #expect(batches.count == files, "seed \(seed)")
    #expect(Set(batches.map { $0["sourceName"] as String }).count == files, "seed \(seed)")
    #expect(
      batches.allSatisfy { $0["state"] as String == "done" && $0["rowsRead"] as Int == rows },
      "seed \(seed)")
    let payloads = root.files(in: "out/salesmanagement").filter { $0.hasSuffix("-accounts.json") }
    #expect(payloads.count == files, "seed \(seed)")
    var codes = Set<String>()
    for payload in payloads {
      let json = try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: root.file("out/salesmanagement/\(payload)"))))
      let operations = try #require((json as? [String: Any])?["operations"] as? [[String: Any]])
      let upserts = operations.filter { $0["action"] as? String == "upsert" }
      #expect(upserts.count == rows, "seed \(seed): \(payload)")
      for operation in upserts { codes.insert(operation["extId"] as? String ?? "") }
    }
    #expect(codes.count == files * rows, "seed \(seed)")
    #expect(root.files(in: "out/archive").count == files, "seed \(seed)")
    let leftovers = try FileManager.default.subpathsOfDirectory(atPath: root.file("out"))
      .filter { $0.hasSuffix(".tmp") || $0.contains("/.2") }
    #expect(leftovers.isEmpty, "seed \(seed): \(leftovers)")
  }
}
