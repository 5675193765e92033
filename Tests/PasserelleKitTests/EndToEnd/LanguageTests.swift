import Foundation
import Testing

/// What people read is French by default and English with `[report] language =
/// "en"`; what programs read (codes, columns, JSON keys, file names, exit codes)
/// is the same in both.
@Suite struct LanguageTests {
  struct Run {
    var root: ScratchFolder
    var status: Int32
    var log: String
    var rowReport: String
    var reason: [String: Any]
    var statusText: String
    var rejectsText: String
  }

  /// The TAB customers sample (rows rejected) and an empty file (set aside), run once.
  func run(language: String?, test: String = #function) throws -> Run {
    let root = try TestFiles.scratch("\(test)-\(language ?? "default")")
    #expect(try PasserelleProcess.run(["init", "--root", root.path]).status == 0)
    let setting = language.map { "[report]\nlanguage = \"\($0)\"\n" } ?? ""
    try TestFiles.write(
      "[sync]\nstability_seconds = 0\n" + setting, to: root.file("passerelle.toml"))
    try FileManager.default.copyItem(
      atPath: TestFiles.tabSample, toPath: root.file("watch/sage/Export des clients.Txt"))
    try TestFiles.write("", to: root.file("watch/sage/vide.Txt"))
    let result = try PasserelleProcess.run(["run", "--once", "--root", root.path])
    let rejects = root.files(in: "out/rejects")
    let report = try #require(rejects.first { $0.hasSuffix(".rejects.csv") })
    let reason = try #require(rejects.first { $0.hasSuffix(".reason.json") })
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: root.file("out/rejects/\(reason)"))))
    return Run(
      root: root, status: result.status, log: result.error,
      rowReport: try TestFiles.read(root.file("out/rejects/\(report)")),
      reason: try #require(json as? [String: Any]),
      statusText: try PasserelleProcess.run(["status", "--root", root.path]).error,
      rejectsText: try PasserelleProcess.run(["rejects", "--root", root.path]).error)
  }

  @Test func peopleReadFrenchByDefault() throws {
    let run = try run(language: nil)
    #expect(run.log.contains("Export des clients.Txt : clients — 40 lignes lues"), "\(run.log)")
    #expect(run.log.contains("2 fichier(s) : 1 converti(s), 0 déjà traité(s), 1 rejeté(s)"))
    #expect(run.rowReport.contains(";missing-key;Pas de code Sage pour le client : saisir le code"))
    #expect(
      run.reason["message"] as? String
        == "Le fichier est vide : exporter de nouveau depuis Sage 50.")
    #expect(
      run.statusText.contains("Lots : 1 traités, 1 rejetés, 0 en double"), "\(run.statusText)")
    #expect(run.rejectsText.contains("fichier rejeté — empty-file : Le fichier est vide"))
    #expect(run.rejectsText.contains("5 ligne(s) rejetée(s), 6 avertissement(s)"))
  }

  @Test func theSettingTurnsThemEnglish() throws {
    let run = try run(language: "en")
    #expect(run.log.contains("Export des clients.Txt: customers — 40 rows"), "\(run.log)")
    #expect(run.log.contains("2 file(s): 1 converted, 0 already processed, 1 rejected"))
    #expect(run.rowReport.contains(";missing-key;No Sage code for the customer: enter the code"))
    #expect(run.reason["message"] as? String == "The file is empty: export again from Sage 50.")
    #expect(
      run.statusText.contains("Batches: 1 done, 1 rejected, 0 duplicate"), "\(run.statusText)")
    #expect(run.rejectsText.contains("file rejected — empty-file: The file is empty"))
    #expect(run.rejectsText.contains("5 row(s) rejected, 6 warning(s)"))
  }

  /// Only the message column and the `message` key change with the language.
  @Test func whatProgramsReadDoesNotChange() throws {
    let french = try run(language: "fr")
    let english = try run(language: "en")
    #expect(french.status == 1 && english.status == 1)
    let withoutMessages = { (report: String) in
      report.split(separator: "\r\n").map { line in
        line.split(separator: ";", omittingEmptySubsequences: false).prefix(5).joined(
          separator: ";")
      }
    }
    #expect(withoutMessages(french.rowReport) == withoutMessages(english.rowReport))
    #expect(Set(french.reason.keys) == Set(english.reason.keys))
    #expect(french.reason["code"] as? String == "empty-file")
    #expect(english.reason["code"] as? String == "empty-file")
    let names = { (run: Run) in
      run.root.files(in: "out/rejects").map {
        $0.replacingOccurrences(
          of: #"^\d{8}-\d{6}-[0-9a-f]{4}"#, with: "", options: .regularExpression)
      }.sorted()
    }
    #expect(names(french) == names(english))
  }
}
