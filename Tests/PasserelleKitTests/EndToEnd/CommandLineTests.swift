import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleManifest
@testable import PasserelleOutput
@testable import PasserelleReading
@testable import SageToSalesManagement
@testable import SalesManagementToSage

/// The executable as IT and schedulers use it: real processes, real folders.
@Suite(.serialized) struct CommandLineTests {
  func makeRoot(_ name: String = #function) throws -> ScratchFolder {
    let scratch = try TestFiles.scratch(name)
    let result = try PasserelleProcess.run(["init", "--root", scratch.path])
    #expect(result.status == 0)
    try TestFiles.write("[sync]\nstability_seconds = 0\n", to: scratch.file("passerelle.toml"))
    return scratch
  }

  @Test func runOnceOnTheSamplesConvertsAndReportsRejectedRows() throws {
    let root = try makeRoot()
    for sample in [TestFiles.tabSample, TestFiles.excelSample, TestFiles.xmlSample] {
      try FileManager.default.copyItem(
        atPath: sample,
        toPath: root.file("watch/sage/\((sample as NSString).lastPathComponent)"))
    }
    let result = try PasserelleProcess.run(["run", "--once", "--root", root.path])
    #expect(result.status == 1, "rows were rejected: \(result.error)")
    #expect(result.error.contains("3 fichier(s) : 3 converti(s)"))
    #expect(root.files(in: "watch/sage").isEmpty)
    #expect(root.files(in: "out/archive").count == 3)
    #expect(root.files(in: "out/salesmanagement").count >= 1)
    #expect(root.files(in: "out/rejects").filter { $0.hasSuffix(".rejects.csv") }.count == 3)

    let status = try PasserelleProcess.run(["status", "--json", "--root", root.path])
    #expect(status.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any]
    #expect((json?["batches"] as? [String: Int])?["done"] == 3)
    let records = json?["records"] as? [[String: Any]]
    #expect(records?.first?["resource"] as? String == "accounts")
    #expect((records?.first?["active"] as? Int ?? 0) > 0)

    let rejects = try PasserelleProcess.run(["rejects", "--json", "--root", root.path])
    #expect(rejects.status == 0)
    let entries =
      (try JSONSerialization.jsonObject(with: Data(rejects.output.utf8)) as? [String: Any])?[
        "entries"] as? [[String: Any]]
    #expect(entries?.count == 3)
    #expect(entries?.allSatisfy { $0["rowsRejected"] as? Int == 5 } == true)
    #expect(
      entries?.allSatisfy { ($0["details"] as? String)?.hasSuffix(".rejects.csv") == true } == true)
  }

  /// The whole shipped `samples/sage/` in one drop, as the demo does it.
  @Test func runOnceOverEveryExportGivesOnePayloadPerEntityInDependencyOrder() throws {
    let root = try makeRoot()
    let watch = root.file("watch/sage")
    for name in try FileManager.default.contentsOfDirectory(atPath: TestFiles.sample("")) {
      try FileManager.default.copyItem(atPath: TestFiles.sample(name), toPath: "\(watch)/\(name)")
    }
    let smSamples = TestFiles.repository.appendingPathComponent("samples/salesmanagement").path
    for name in try FileManager.default.contentsOfDirectory(atPath: smSamples) {
      try FileManager.default.copyItem(
        atPath: "\(smSamples)/\(name)", toPath: root.file("watch/salesmanagement/\(name)"))
    }
    let result = try PasserelleProcess.run(["run", "--once", "--root", root.path])
    #expect(result.status == 1, "rows were rejected: \(result.error)")
    #expect(result.error.contains("13 fichier(s) : 13 converti(s)"), "\(result.error)")
    let entities = result.error.split(separator: "\n").compactMap { line -> String? in
      let words = line.split(separator: " ")
      guard let index = words.firstIndex(of: "—"), index > 0 else { return nil }
      return String(words[index - 1])
    }
    #expect(
      entities == [
        "représentants", "clients", "clients", "clients", "prospects", "contacts", "articles",
        "articles", "pièces", "pièces", "sociétés", "contacts", "devis",
      ])
    let payloads = root.files(in: "out/salesmanagement")
    // The devis export came first: Sage already holds the three good SM quotes, so
    // they are not imported again, and their prices go to SM.
    // What goes to Sage: the prospects and contacts SM created or edited.
    #expect(
      root.files(in: "out/sage").map { String($0.split(separator: "-").last!) }.sorted() == [
        "contacts.txt", "prospects.txt",
      ])
    // Accounts: the TAB customers, the two whose Observations keep a line break in
    // the Excel copy, the prospects, the codes given to SM's new prospects; the
    // same for contacts, with the codes of SM's new contacts.
    let expected = [
      "users": 1, "accounts": 4, "contacts": 4, "products": 1, "sales": 1, "salesorders": 1,
    ]
    for (resource, count) in expected {
      #expect(payloads.filter { $0.hasSuffix("-\(resource).json") }.count == count, "\(resource)")
    }
    #expect(root.files(in: "out/salesmanagement/pictures").count == 16)
    // Only the pictures stay in the drop folder: they are not exports.
    #expect(root.files(in: "watch/sage") == ["images"])
    let status = try PasserelleProcess.run(["status", "--root", root.path])
    // The devis export came first: three priced quotes waited, then left with their
    // SM quotes; the fourth has none.
    #expect(status.error.contains("Devis chiffrés par Sage et en lecture seule dans SM : 3"))
    #expect(status.error.contains("Devis chiffrés par Sage en attente de leur devis SM : 1"))
    #expect(
      status.error.contains(
        "Fiches créées dans SM (sociétés) ayant reçu un code Sage : 2 (dernier PSM00002), 2 pas encore dans un export de Sage"
      ), "\(status.error)")
    // A main contact edited in SM got a code too, but it is not a new SM record.
    #expect(
      status.error.contains(
        "Fiches créées dans SM (contacts) ayant reçu un code Sage : 3 (dernier CSM00003), 2 pas encore dans un export de Sage"
      ), "\(status.error)")
    // The last batch is the last one processed, even within the same second.
    #expect(status.error.contains("Export des factures.Txt → traité"), "\(status.error)")
    #expect(status.error.contains("salesorders-2026-10.json → traité"), "\(status.error)")
    #expect(
      status.error.range(
        of:
          #"Dernier passage dans watch/salesmanagement : [0-9T:-]+Z, 3 fichier\(s\) complet\(s\)"#,
        options: .regularExpression) != nil, "\(status.error)")
    // The same, in English when the settings ask for it.
    try TestFiles.write("[report]\nlanguage = \"en\"\n", to: root.file("passerelle.toml"))
    let english = try PasserelleProcess.run(["status", "--root", root.path])
    #expect(english.error.contains("Quotes priced by Sage and read-only in SM: 3"))
    #expect(
      english.error.contains(
        "Records created in SM (companies) given a Sage code: 2 (last PSM00002), 2 not yet in a Sage export"
      ), "\(english.error)")
    #expect(english.error.contains("Export des factures.Txt → done"), "\(english.error)")
  }

  @Test func aCleanExportExitsZeroAndConvertLeavesTheFileInPlace() throws {
    let root = try makeRoot()
    let builder = try CustomerExportBuilder()
    let input = root.file("Clients.Txt")
    try builder.write(builder.build(count: 50), to: input)
    let out = root.file("ici")
    let result = try PasserelleProcess.run([
      "convert", input, "--root", root.path, "--out", out,
    ])
    #expect(result.status == 0, "\(result.error)")
    #expect(FileManager.default.fileExists(atPath: input))
    let written = root.files(in: "ici")
    #expect(written.count == 2, "\(written)")
    #expect(written.contains { $0.hasSuffix("-accounts.json") })
    #expect(written.contains { $0.hasSuffix("-contacts.json") })
    #expect(root.files(in: "out/archive").count == 1)
  }

  @Test func jsonLogsAreOneObjectPerLineWithTheBatchFields() throws {
    let root = try makeRoot()
    try FileManager.default.copyItem(
      atPath: TestFiles.sample("Export des représentants.Txt"),
      toPath: root.file("watch/sage/reps.txt"))
    try TestFiles.write("[log]\nformat = \"json\"\n", to: root.file("passerelle.toml"))
    let result = try PasserelleProcess.run(["run", "--once", "--root", root.path])
    #expect(result.status == 1)
    let lines = result.error.split(separator: "\n")
    let objects = try lines.map {
      try #require(
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "\($0)")
    }
    let batch = try #require(objects.first { $0["entity"] as? String == "representatives" })
    #expect(batch["read"] as? String == "10")
    #expect(batch["sent"] as? String == "6")
    #expect(batch["outcome"] as? String == "done")
    let summary = try #require(objects.last)
    #expect((summary["outputs"] as? [String])?.count == 2)
    // The command line wins over the file.
    let text = try PasserelleProcess.run(["status", "--root", root.path, "--log-format", "text"])
    #expect(text.status == 0)
  }

  @Test func twoDossiersInOneFolderAreAConfigurationMistake() throws {
    let root = try makeRoot()
    try TestFiles.write(
      "[dossiers]\na = \"d\"\nb = \"./d/\"\n", to: root.file("passerelle.toml"))
    let result = try PasserelleProcess.run(["run", "--once", "--root", root.path])
    #expect(result.status == 2)
    #expect(result.error.contains("partagent le dossier"), "\(result.error)")
  }

  @Test func aConfigurationMistakeExitsTwoAndNamesTheLine() throws {
    let root = try makeRoot()
    try TestFiles.write("[sync]\nmass_deletion_share = lots\n", to: root.file("passerelle.toml"))
    let result = try PasserelleProcess.run(["run", "--once", "--root", root.path])
    #expect(result.status == 2)
    #expect(result.error.contains("passerelle.toml, ligne 2 : "), "\(result.error)")
  }

  @Test func aSecondInstanceExitsThreeAndTheServiceStopsCleanlyOnSIGTERM() throws {
    let root = try makeRoot()
    let service = PasserelleProcess(["run", "--root", root.path])
    try service.start()
    // Wait until the service holds the lock (it writes its pid into it).
    waitUntil(timeout: 20) {
      (try? TestFiles.read(root.file("out/.lock")))?.trimmingCharacters(
        in: .whitespacesAndNewlines) == "\(service.process.processIdentifier)"
    }
    let second = try PasserelleProcess.run(["run", "--once", "--root", root.path])
    #expect(second.status == 3)
    #expect(second.error.contains("\(service.process.processIdentifier)"))
    service.kill(SIGTERM)
    let stopped = service.finish()
    #expect(stopped.status == 0, "\(stopped.error)")
  }

  @Test func anUnusableOutFolderExitsThreeAndLeavesTheInputs() throws {
    let root = try makeRoot()
    try FileManager.default.copyItem(
      atPath: TestFiles.tabSample, toPath: root.file("watch/sage/c.Txt"))
    // A plain file where out/ should be: nothing can be written there, even by root
    // (file permissions alone would not stop the root user the tests run as).
    try FileManager.default.removeItem(atPath: root.file("out"))
    try TestFiles.write("not a folder", to: root.file("out"))
    let result = try PasserelleProcess.run(["run", "--once", "--root", root.path])
    #expect(result.status == 3)
    #expect(root.files(in: "watch/sage") == ["c.Txt"])
  }
}
