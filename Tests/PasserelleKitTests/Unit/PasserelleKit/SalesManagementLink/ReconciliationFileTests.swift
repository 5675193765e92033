import Foundation
import GRDB
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleManifest
@testable import PasserelleOutput
@testable import RecordMatching

/// The reconciliation file IT reads, edits and gives back: written from the
/// manifest's held records, read as Excel saves it, decisions kept and recorded.
@Suite struct ReconciliationFileTests {
  let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_795_000_000) }

  func held(_ book: ReconciliationBook, _ code: String) throws {
    let candidates = [
      ScoredCandidate(
        smId: 12, score: 60, evidence: [.sameName, .city], label: "Cafe du port, Namur"),
      ScoredCandidate(
        smId: 15, score: 60, evidence: [.sameName, .city], label: "CAFE DU PORT, Namur"),
    ]
    try book.hold(
      resource: "accounts", code: code, label: "Café du Port, 5000 Namur", reason: "deux fiches",
      candidates: try JSONEncoder().encode(candidates), at: clock())
  }

  /// A manifest in `scratch` whose book holds `codes`, each with two candidates.
  func book(in scratch: ScratchFolder, holding codes: String...) throws -> ReconciliationBook {
    let book = ReconciliationBook(manifest: try Manifest(path: scratch.file("manifest.sqlite")))
    for code in codes { try held(book, code) }
    return book
  }

  /// A file of decisions as IT gives it back: the header, then `rows`.
  func decisions(_ rows: String, in scratch: ScratchFolder, named name: String) throws -> String {
    let path = scratch.file(name)
    try TestFiles.write(
      "ressource;code Sage;fiche Sage;candidats;raison;décision\n" + rows, to: path)
    return path
  }

  @Test func decisionsAreReadFromExcelsFileAndRecorded() throws {
    let scratch = try TestFiles.scratch()
    let book = try book(in: scratch, holding: "C00002", "C00003", "C00004", "C00005")
    let path = scratch.file("rapprochement.csv")
    let file = ReconciliationFile(path: path, book: book, language: .french)
    #expect(try file.write() == 4)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a BOM, for Excel")
    let written = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    #expect(written.hasPrefix("ressource;code Sage;fiche Sage;candidats;raison;décision\r\n"))
    #expect(
      written.contains(
        "accounts;C00002;Café du Port, 5000 Namur;\"12 : Cafe du port, Namur (même nom, même ville ; score 60) | 15 : CAFE DU PORT, Namur (même nom, même ville ; score 60)\";deux fiches;\r\n"
      ))
    // As French Excel saves it: Windows-1252, no BOM, the decisions typed in.
    let edited =
      "ressource;code Sage;fiche Sage;candidats;raison;d\u{E9}cision\r\n"
      + "accounts;C00002;x;y;z;Adopter 15\r\naccounts;C00003;x;y;z;cr\u{E9}er\r\n"
      + "accounts;C00004;x;y;z;\r\naccounts;C00005;x;y;z;fusionner\r\naccounts;C09999;x;y;z;ignorer\r\n"
    let excel = scratch.file("edited.csv")
    try Data(edited.data(using: .windowsCP1252)!).write(to: URL(fileURLWithPath: excel))
    let report = try ReconcileChoices(book: book, clock: clock).apply(file: excel)
    #expect(report.applied == 2 && report.blank == 1)
    #expect(report.refused.map(\.line) == [5, 6])
    #expect(try book.choice(resource: "accounts", code: "C00002") == .adopt(15))
    #expect(try book.choice(resource: "accounts", code: "C00003") == .create)
    #expect(try book.choice(resource: "accounts", code: "C00004") == nil)
    #expect(
      report.summary(in: .french).contains(
        "ligne 5 : « fusionner » n'est pas une décision : écrire adopter <id SM>, créer ou ignorer")
    )
  }

  @Test func aRewriteKeepsWhatITTypedAndDropsWhatWasDecided() throws {
    let scratch = try TestFiles.scratch()
    let book = try book(in: scratch, holding: "C00002", "C00003")
    let path = scratch.file("rapprochement.csv")
    let file = ReconciliationFile(path: path, book: book, language: .french)
    try file.write()
    let typed = try TestFiles.read(path).replacingOccurrences(
      of: "deux fiches;\r\naccounts;C00003", with: "deux fiches;ignorer\r\naccounts;C00003")
    #expect(typed.contains("deux fiches;ignorer\r\n"), "the decision was typed in")
    try TestFiles.write(typed, to: path)
    #expect(try file.write() == 2)
    #expect(typed == (try TestFiles.read(path)), "what IT typed is kept as typed")
    #expect(try book.decide(resource: "accounts", code: "C00002", .ignore, at: clock()))
    #expect(try book.decide(resource: "accounts", code: "C00003", .create, at: clock()))
    #expect(try file.write() == 0)
    #expect(!FileManager.default.fileExists(atPath: path), "nothing held: no file")
  }

  @Test func oneSMRecordTakesOneCodeAndACommaFileIsRefusedWhole() throws {
    let scratch = try TestFiles.scratch()
    let book = try book(in: scratch, holding: "C00002", "C00003")
    let twice = try decisions(
      "accounts;C00002;x;y;z;adopter 12\naccounts;C00003;x;y;z;adopter 12\n", in: scratch,
      named: "twice.csv")
    let report = try ReconcileChoices(book: book, clock: clock).apply(file: twice)
    #expect(report.applied == 1 && report.refused.map(\.line) == [3])
    #expect(
      report.summary(in: .english).contains(
        "line 3: SM record 12 is chosen on line 2 already: an SM record takes one Sage code only"))
    let commas = scratch.file("commas.csv")
    try TestFiles.write(
      "ressource,code Sage,fiche Sage,candidats,raison,décision\naccounts,C00003,x,y,z,créer\n",
      to: commas)
    #expect(throws: ConfigurationError.self) {
      try ReconcileChoices(book: book, clock: clock).apply(file: commas)
    }
    #expect(try book.choice(resource: "accounts", code: "C00003") == nil)
  }

  @Test func aCodeExcelReadAsANumberStillFindsItsRecord() throws {
    let scratch = try TestFiles.scratch()
    let book = try book(in: scratch, holding: "000123", "C00123")
    let edited = try decisions("accounts;123;x;y;z;créer\n", in: scratch, named: "edited.csv")
    let report = try ReconcileChoices(book: book, clock: clock).apply(file: edited)
    #expect(report.applied == 1 && report.refused.isEmpty)
    #expect(try book.choice(resource: "accounts", code: "000123") == .create)
    #expect(try book.choice(resource: "accounts", code: "C00123") == nil)
  }

  /// The service plans held records at every delivery: what did not change is
  /// neither written to the manifest again nor replaced on disk.
  @Test func aRecordHeldAgainAsItWasChangesNothing() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try Manifest(path: scratch.file("manifest.sqlite"))
    let book = ReconciliationBook(manifest: manifest)
    try held(book, "C00002")
    let path = scratch.file("rapprochement.csv")
    let file = ReconciliationFile(path: path, book: book, language: .french)
    try file.write()
    let inode = try #require(
      try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)
    let later = Date(timeIntervalSince1970: 1_795_000_600)
    let candidates = try manifest.read { db in
      try Data.fetchOne(db, sql: "SELECT candidates FROM reconciliation")
    }
    try book.hold(
      resource: "accounts", code: "C00002", label: "Café du Port, 5000 Namur",
      reason: "deux fiches", candidates: try #require(candidates), at: later)
    try file.write()
    let updatedAt = try manifest.read { db in
      try String.fetchOne(db, sql: "SELECT updatedAt FROM reconciliation")
    }
    #expect(updatedAt == Timestamp.iso(clock()), "held again as it was: not rewritten")
    let after = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    #expect(after == inode, "the same list: the file IT may have open stays")
    try book.hold(
      resource: "accounts", code: "C00002", label: "Café du Port, 5000 Namur",
      reason: "une fiche douteuse", candidates: try #require(candidates), at: later)
    try file.write()
    #expect(try TestFiles.read(path).contains(";une fiche douteuse;"))
  }

  @Test func choicesAreReadInEitherLanguageAndAnyCase() {
    #expect(ReconcileChoices.choice("adopter 1234") == .adopt(1234))
    #expect(ReconcileChoices.choice("  ADOPT 7 ") == .adopt(7))
    #expect(ReconcileChoices.choice("Créer") == .create)
    #expect(ReconcileChoices.choice("creer") == .create)
    #expect(ReconcileChoices.choice("ignore") == .ignore)
    #expect(ReconcileChoices.choice("adopter") == nil)
    #expect(ReconcileChoices.choice("adopter douze") == nil)
    #expect(ReconcileChoices.choice("adopter 1.234") == nil)
    #expect(ReconcileChoices.choice("supprimer") == nil)
  }
}
