import Foundation
import GRDB
import Testing

@testable import PasserelleKit

/// kill -9 at any instant loses nothing and duplicates nothing (reliability.md).
@Suite(.serialized) struct CrashRecoveryTests {
  @Test func aBatchKilledAtRandomMomentsIsDeliveredExactlyOnce() throws {
    let builder = try CustomerExportBuilder()
    let export = builder.build(count: 20_000)
    var generator = SystemRandomNumberGenerator()
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
      #expect(restart.status == 0, "round \(round): \(restart.error)")
      let payloads = root.files(in: "out/salesmanagement").filter {
        $0.hasSuffix("-accounts.json")
      }
      #expect(payloads.count == 1, "round \(round): \(payloads)")
      let contacts = root.files(in: "out/salesmanagement").filter { $0.hasSuffix("-contacts.json") }
      #expect(contacts.count == 1, "round \(round): \(contacts)")
      let payload = root.file("out/salesmanagement/\(payloads.first ?? "")")
      let json = try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: payload)))
      let operations = (json as? [String: Any])?["operations"] as? [Any]
      #expect(operations?.count == 20_000, "round \(round)")
      #expect(root.files(in: "out/archive").count == 1)
      #expect(root.files(in: "watch/sage").isEmpty)
      #expect(root.files(in: "out/work").isEmpty)
      let leftovers = try FileManager.default.subpathsOfDirectory(atPath: root.file("out"))
        .filter { $0.hasSuffix(".tmp") || $0.contains("/.2") }
      #expect(leftovers.isEmpty, "round \(round): \(leftovers)")
      let manifest = try Manifest(path: root.file("out/manifest.sqlite"))
      let states = try manifest.read { db in
        try String.fetchAll(db, sql: "SELECT state FROM batch")
      }
      #expect(states == ["done"], "round \(round)")
    }
    #expect(killedMidway > 0)
  }
}
