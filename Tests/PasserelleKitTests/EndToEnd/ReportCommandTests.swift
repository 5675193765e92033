import Foundation
import Testing

@testable import PasserelleKit

/// `passerelle report`: the page rewritten on demand, per dossier, in the
/// configured language; exit code 3 when the manifest cannot be read.
@Suite(.serialized) struct ReportCommandTests {
  func makeRoot(_ settings: String, _ name: String = #function) throws -> ScratchFolder {
    let root = try TestFiles.scratch(name)
    try TestFiles.write(
      "[sync]\nstability_seconds = 0\n" + settings, to: root.file("passerelle.toml"))
    #expect(try PasserelleProcess.run(["init", "--root", root.path]).status == 0)
    return root
  }

  @Test func theReportFollowsAPassInTheConfiguredLanguage() throws {
    let root = try makeRoot("[report]\nlanguage = \"en\"\n")
    try FileManager.default.copyItem(
      atPath: TestFiles.tabSample, toPath: root.file("watch/sage/clients.Txt"))
    #expect(try PasserelleProcess.run(["run", "--once", "--root", root.path]).status == 1)
    let page = try TestFiles.read(root.file("out/rapport.html"))
    #expect(page.contains(#"<html lang="en">"#))
    #expect(page.contains("clients.Txt"))
    #expect(page.contains(#"id="reason-missing-key""#))
    #expect(page.contains("In Sage 50, fill in the code in the record"))
    // No temporary page is left behind.
    #expect(root.files(in: "out").filter { $0.hasSuffix(".tmp") }.isEmpty)
    #expect(
      (try FileManager.default.contentsOfDirectory(atPath: root.file("out"))).allSatisfy {
        !$0.hasPrefix(".rapport")
      })
  }

  /// The service rewrites the page once it converted a file.
  @Test func theServiceRewritesThePageAfterABatch() throws {
    let root = try makeRoot("sage_poll_seconds = 0.2\n")
    let service = PasserelleProcess(["run", "--root", root.path])
    try service.start()
    defer { _ = service.finish() }
    defer { service.kill(SIGTERM) }
    let page = root.file("out/rapport.html")
    #expect(waitUntil(timeout: 20) { FileManager.default.fileExists(atPath: page) })
    try FileManager.default.copyItem(
      atPath: TestFiles.tabSample, toPath: root.file("watch/sage/clients.Txt"))
    let shown = waitUntil(timeout: 30) {
      (try? TestFiles.read(page))?.contains(#"id="reason-missing-key""#) == true
    }
    #expect(shown, "the page does not show the batch")
  }

  /// A page a killed process left half written goes; one still being written stays.
  @Test func temporaryPagesOfKilledProcessesAreRemoved() throws {
    let root = try makeRoot("")
    let dead = root.file("out/.rapport-999999-1.html.tmp")
    let alive = root.file("out/.rapport-\(getpid())-2.html.tmp")
    try TestFiles.write("<html", to: dead)
    try TestFiles.write("<html", to: alive)
    #expect(try PasserelleProcess.run(["report", "--root", root.path]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: dead))
    #expect(FileManager.default.fileExists(atPath: alive))
  }

  @Test func eachDossierGetsItsOwnPage() throws {
    let root = try makeRoot(
      "[dossiers]\nboulangerie = \"dossiers/boulangerie\"\ntraiteur = \"dossiers/traiteur\"\n")
    let result = try PasserelleProcess.run(["report", "--root", root.path])
    #expect(result.status == 0, "\(result.error)")
    for dossier in ["boulangerie", "traiteur"] {
      let page = try TestFiles.read(root.file("dossiers/\(dossier)/out/rapport.html"))
      #expect(page.contains("Dossier \(dossier)"))
      #expect(page.contains("Aucun fichier n&#39;a encore été traité"))
    }
    #expect(!FileManager.default.fileExists(atPath: root.file("out/rapport.html")))
  }

  @Test func anUnreadableManifestExitsWithThree() throws {
    let root = try makeRoot("")
    try TestFiles.write(
      String(repeating: "not a database\n", count: 100), to: root.file("out/manifest.sqlite"))
    let result = try PasserelleProcess.run(["report", "--root", root.path])
    #expect(result.status == 3, "\(result.error)")
    #expect(result.error.contains("impossible de continuer"))
  }
}
