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

/// A row Sage exports again exactly as before is recognised by its fingerprint and
/// not mapped again. To tell a recognised row from a row mapped again to the same
/// result, the tests overwrite the fingerprints of what was sent: a recognised row
/// takes the manifest's word and stays unchanged, a row mapped again differs from
/// the overwritten value and is sent.
@Suite struct UnchangedRowsTests {
  let builder: CustomerExportBuilder
  let export: [UInt8]

  init() throws {
    builder = try CustomerExportBuilder()
    export = builder.build(count: 60)
  }

  /// Converts `export`, then overwrites the fingerprints of every account sent.
  /// Returns how many accounts have a row fingerprint.
  private func convertAndOverwriteFingerprints(_ root: TestRoot) throws -> Int {
    try root.drop(export, as: "Clients.Txt")
    let first = try #require(try root.runOnce().first)
    #expect(first.state == .done)
    let manifest = try DatabaseQueue(path: root.layout.manifest)
    return try manifest.write { db in
      try db.execute(
        sql: "UPDATE record SET fingerprint = zeroblob(16) WHERE resource = 'accounts'")
      return try Int.fetchOne(
        db,
        sql:
          "SELECT COUNT(*) FROM record WHERE resource = 'accounts' AND rowFingerprint IS NOT NULL"
      ) ?? 0
    }
  }

  /// The same export under another content hash (one more blank line at the end).
  private func dropAgain(_ root: TestRoot, _ bytes: [UInt8], as name: String) throws -> BatchOutcome
  {
    try root.drop(bytes + Array("\r\n".utf8), as: name)
    return try #require(try root.runOnce().first)
  }

  @Test func aRowExportedAgainAsItWasIsNotMappedAgain() throws {
    let root = try TestRoot()
    let recognisable = try convertAndOverwriteFingerprints(root)
    // Rows with a warning (a phone left out…) are always mapped: most rows are clean.
    #expect(recognisable >= 40)
    let again = try dropAgain(root, export, as: "Clients encore.Txt")
    #expect(again.state == .done)
    #expect(again.counts.read == 60)
    #expect(again.counts.unchanged == recognisable)
    #expect(again.counts.emitted == 60 - recognisable)
    // The main contacts of recognised rows are staged too: none is taken as deleted.
    #expect(again.counts.deletions == 0)
    #expect(root.payloads("contacts").count == 1)
  }

  /// `Risque` is a value list: `Aucun` (any case, any spacing) and the levels a
  /// dossier names give no warning, so rows holding them are recognised next time.
  @Test func risksAsSageWritesThemLeaveRowsRecognisable() throws {
    let root = try TestRoot()
    let labels = builder.header.split(separator: 0x09, omittingEmptySubsequences: false)
    let risk = try #require(labels.firstIndex { Array($0) == Array("Risque".utf8) })
    let risks = ["Aucun", "Faible", " aucun ", "Élevé", "AUCUNE", "Surveillance renforcée"]
    let export = builder.build(count: 60) { index, fields in
      fields[risk] = Array(risks[index % risks.count].data(using: .windowsCP1252)!)
    }
    try root.drop(export, as: "Clients.Txt")
    let first = try #require(try root.runOnce().first)
    #expect(first.state == .done)
    #expect(first.counts.warnings == 0)
    let manifest = try DatabaseQueue(path: root.layout.manifest)
    let recognisable = try manifest.write { db in
      try db.execute(
        sql: "UPDATE record SET fingerprint = zeroblob(16) WHERE resource = 'accounts'")
      return Set(
        try String.fetchAll(
          db,
          sql:
            "SELECT code FROM record WHERE resource = 'accounts' AND rowFingerprint IS NOT NULL"))
    }
    // Every way of writing a risk is among the rows recognisable next time.
    for (offset, written) in risks.enumerated() {
      #expect(
        stride(from: offset, to: 60, by: risks.count).contains {
          recognisable.contains(builder.code("G", $0))
        }, "no row with Risque = \(written) is recognisable")
    }
    let again = try dropAgain(root, export, as: "Clients encore.Txt")
    #expect(again.counts.warnings == 0)
    #expect(again.counts.unchanged == recognisable.count)
    #expect(again.counts.emitted == 60 - recognisable.count)
  }

  @Test func aChangedTableMapsEveryRowAgain() throws {
    let root = try TestRoot()
    _ = try convertAndOverwriteFingerprints(root)
    // A new SM country table changes what the mapping makes of every row.
    root.settings.tables.countryIds = ["FR": 73]
    let again = try dropAgain(root, export, as: "Clients encore.Txt")
    #expect(again.counts.emitted == 60)
    #expect(again.counts.unchanged == 0)
  }

  @Test func aReorderedHeaderMapsEveryRowAgain() throws {
    let root = try TestRoot()
    _ = try convertAndOverwriteFingerprints(root)
    // The same values with two columns swapped, header included: other row bytes.
    func swapped(_ bytes: [UInt8]) -> [UInt8] {
      let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
      return Array(
        lines.map { line -> [UInt8] in
          var fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map(Array.init)
          if fields.count > 9 { fields.swapAt(7, 8) }
          return Array(fields.joined(separator: [0x09]))
        }.joined(separator: [0x0A]))
    }
    let again = try dropAgain(root, swapped(export), as: "Clients encore.Txt")
    #expect(again.counts.emitted == 60)
  }

  @Test func aChangedRowIsMappedAndItsFingerprintFollows() throws {
    let root = try TestRoot()
    try root.drop(export, as: "Clients.Txt")
    _ = try root.runOnce()
    let manifest = try DatabaseQueue(path: root.layout.manifest)
    func rowFingerprint(_ code: String) throws -> Data? {
      try manifest.read { db in
        try Data.fetchOne(
          db, sql: "SELECT rowFingerprint FROM record WHERE resource = 'accounts' AND code = ?",
          arguments: [code])
      }
    }
    let code = builder.code("G", 3)
    let before = try #require(try rowFingerprint(code))
    let changed = builder.build(count: 60) { index, fields in
      if index == 3 { fields[8] = Array("Quimper".utf8) }
    }
    let again = try dropAgain(root, changed, as: "Clients 2.Txt")
    #expect(again.counts.emitted == 1)
    let after = try #require(try rowFingerprint(code))
    #expect(after != before)
    // Exported once more as it now is: every row is recognised, the changed one by
    // its new fingerprint (what was sent is overwritten: a row mapped again would go).
    try manifest.write { db in
      try db.execute(
        sql: "UPDATE record SET fingerprint = zeroblob(16) WHERE resource = 'accounts'")
    }
    let third = try dropAgain(root, changed + Array("\r\n".utf8), as: "Clients 3.Txt")
    #expect(third.counts.emitted == 0)
    #expect(third.counts.unchanged == 60)
  }

  @Test func aMainContactChangedAndChangedBackIsSentBack() throws {
    let root = try TestRoot()
    let labels = builder.header.split(separator: 0x09, omittingEmptySubsequences: false)
    let email = try #require(labels.firstIndex { Array($0) == Array("E-mail du contact".utf8) })
    let row = try #require(
      (0..<60).first { !builder.templates[$0 % builder.templates.count][email].isEmpty })
    try root.drop(export, as: "Clients.Txt")
    _ = try root.runOnce()
    let fingerprinted = try DatabaseQueue(path: root.layout.manifest).read { db in
      try Bool.fetchOne(
        db,
        sql:
          "SELECT rowFingerprint IS NOT NULL FROM record WHERE resource = 'accounts' AND code = ?",
        arguments: [builder.code("G", row)])
    }
    #expect(fingerprinted == true)
    // The accountant mistypes the contact's e-mail: it is left out (a warning), so
    // the contact is sent without it and its row is not fingerprinted.
    let mistyped = builder.build(count: 60) { index, fields in
      if index == row { fields[email] = Array("pas-une-adresse".utf8) }
    }
    let second = try dropAgain(root, mistyped, as: "Clients 2.Txt")
    #expect(second.counts.warnings >= 1)
    #expect(root.payloads("contacts").count == 2)
    // Corrected: the row is byte for byte the first one, yet the contact must go
    // again with its e-mail.
    let third = try dropAgain(root, export + Array("\r\n".utf8), as: "Clients 3.Txt")
    #expect(third.state == .done)
    let contacts = try #require(third.outputs.first { $0.hasSuffix("-contacts.json") })
    let sent = try root.rawOperations(contacts)
    #expect(sent.count == 1)
    let data = try #require(sent.first?["data"] as? [String: Any])
    #expect((data["email"] as? String)?.isEmpty == false)
  }

  /// How the two rows of a code found twice in a re-export differ.
  enum Twice: CaseIterable {
    /// Both rows as exported before: both recognised.
    case same
    /// The first as exported before (recognised), the last edited (mapped, sent).
    case editedLater
    /// The first edited (mapped, sent), the last as exported before (recognised).
    case editedFirst
  }

  /// A code found twice in a re-export is rejected with both its rows, by the
  /// duplicate-key policy, whether each row was recognised or mapped: what a mapped
  /// one sent is withdrawn, main contact included, and the record and its main
  /// contact stay as they were, neither sent nor deleted. The fingerprints of what
  /// was sent are overwritten first, so that only recognised rows come out
  /// unchanged.
  @Test(arguments: Twice.allCases)
  func aCodeFoundTwiceIsRejectedWhetherRecognisedOrMapped(_ twice: Twice) throws {
    let root = try TestRoot()
    let recognisable = try convertAndOverwriteFingerprints(root)
    let manifest = try DatabaseQueue(path: root.layout.manifest)
    let (code, companions) = try #require(
      try manifest.read { db in
        try Row.fetchOne(
          db,
          sql: """
            SELECT code, companions FROM record WHERE resource = 'accounts'
              AND rowFingerprint IS NOT NULL AND companions IS NOT NULL ORDER BY code LIMIT 1
            """
        ).map { ($0["code"] as String, ($0["companions"] as String).split(separator: "\n")) }
      })
    let index = try #require((0..<60).first { builder.code("G", $0) == code })
    let edited = builder.build(count: 60) { row, fields in
      if row == index { fields[1] = Array("Nom changé".utf8) }
    }
    let lines = { (bytes: [UInt8]) in bytes.split(separator: 0x0A) }
    let (file, last) =
      switch twice {
      case .same: (export, lines(export)[index + 1])
      case .editedLater: (export, lines(edited)[index + 1])
      case .editedFirst: (edited, lines(export)[index + 1])
      }
    let again = try dropAgain(root, file + last + [0x0A], as: "Clients 2.Txt")
    #expect(again.state == .done)
    #expect(again.counts.read == 61)
    #expect(again.counts.rejected == 2)
    #expect(again.counts.unchanged == recognisable - 1)
    #expect(again.counts.emitted == 60 - recognisable)
    #expect(again.counts.deletions == 0)
    let report = try #require(
      root.scratch.files(in: "out/rejects").first { $0.hasSuffix(".rejects.csv") })
    let errors = try root.reportRows("\(root.layout.rejects)/\(report)").filter {
      $0[3] == "error"
    }
    #expect(
      errors.map { "\($0[0]) \($0[1]) \($0[4])" }.sorted()
        == ["\(index + 2) \(code) duplicate-key", "62 \(code) duplicate-key"].sorted())
    let sent = try again.outputs.filter { $0.hasSuffix(".json") }.flatMap {
      try root.operations($0).map(\.extId)
    }
    #expect(!sent.contains(code))
    #expect(companions.allSatisfy { !sent.contains(String($0)) })
    let kept = try manifest.read { db in
      try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) FROM record WHERE deleted = 0 AND code IN (SELECT value FROM json_each(?))
          """,
        arguments: [
          String(
            decoding: try JSONSerialization.data(
              withJSONObject: [code] + companions.map(String.init)), as: UTF8.self)
        ])
    }
    #expect(kept == 1 + companions.count)
  }

  @Test func aRecordDeletedThenExportedAgainIsSentAgain() throws {
    let root = try TestRoot()
    try root.drop(export, as: "Clients.Txt")
    _ = try root.runOnce()
    let shorter = builder.build(count: 58)
    let second = try dropAgain(root, shorter, as: "Clients 2.Txt")
    #expect(second.counts.deletions == 2)
    // The two rows come back byte for byte: their records are deleted, so they go.
    let third = try dropAgain(root, export + Array("\r\n".utf8), as: "Clients 3.Txt")
    #expect(third.counts.emitted == 2)
    let payload = try #require(third.outputs.first { $0.hasSuffix("-accounts.json") })
    #expect(
      try root.operations(payload).map(\.extId) == [builder.code("G", 58), builder.code("G", 59)])
  }

  @Test func contactsExportsAreAlwaysMappedAndNeverFingerprinted() throws {
    let root = try TestRoot()
    try root.drop(sample: TestFiles.tabSample)
    _ = try root.runOnce()
    try root.drop(sample: TestFiles.sample("Export des contacts.Txt"))
    let contacts = try #require(try root.runOnce().first)
    #expect(contacts.state == .done && contacts.counts.emitted > 0)
    let counts = try DatabaseQueue(path: root.layout.manifest).read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT kind, COUNT(rowFingerprint) AS printed FROM record
          WHERE kind IN ('customer', 'contact') GROUP BY kind ORDER BY kind
          """
      ).map { "\($0["kind"] as String) \($0["printed"] as Int)" }
    }
    // The customers' rows are fingerprinted; the contacts export's rows are not.
    #expect(counts.count == 2)
    #expect(counts.first == "contact 0")
    #expect(counts.last?.hasPrefix("customer 0") == false)
  }

  @Test func aChangeFromSalesManagementForgetsTheRowsFingerprint() throws {
    let root = try TestRoot()
    try root.drop(export, as: "Clients.Txt")
    _ = try root.runOnce()
    let manifest = try Manifest(path: root.layout.manifest)
    let code = builder.code("G", 0)
    let fingerprinted = try manifest.read { db in
      try Bool.fetchOne(
        db,
        sql:
          "SELECT rowFingerprint IS NOT NULL FROM record WHERE resource = 'accounts' AND code = ?",
        arguments: [code])
    }
    #expect(fingerprinted == true)
    try manifest.transaction { db in
      try SharedRecordBook(db: db, resource: "accounts").update(
        code: code, smId: 11, sage: FieldSnapshot(), synced: FieldSnapshot())
    }
    let cleared = try manifest.read { db in
      try Bool.fetchOne(
        db,
        sql: "SELECT rowFingerprint IS NULL FROM record WHERE resource = 'accounts' AND code = ?",
        arguments: [code])
    }
    #expect(cleared == true)
  }
}
