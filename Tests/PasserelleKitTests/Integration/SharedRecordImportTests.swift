import Foundation
import GRDB
import Synchronization
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleManifest
@testable import PasserelleOutput
@testable import PasserelleReading
@testable import SageToSalesManagement
@testable import SalesManagementToSage

/// Sales Management → Sage: prospects and contacts created or edited in SM become
/// Sage prospect and contact imports, with codes of their own sent back to SM.
@Suite struct SharedRecordImportTests {
  static let accountsSample = "accounts-2026-11.json"
  static let contactsSample = "contacts-2026-11.json"

  static func smSample(_ name: String) -> String {
    TestFiles.repository.appendingPathComponent("samples/salesmanagement/\(name)").path
  }

  /// A root where Sage's representatives, customers, prospects and contacts are known.
  static func root(_ name: String = #function) throws -> TestRoot {
    let root = try TestRoot(name)
    for sample in [
      SageSamples.representatives, SageSamples.customers, SageSamples.prospects,
      SageSamples.contacts,
    ] {
      try root.drop(sample: TestFiles.sample(sample))
    }
    _ = try root.runOnce()
    return root
  }

  static func dropSM(_ root: TestRoot, sample name: String) throws {
    try FileManager.default.copyItem(
      atPath: smSample(name), toPath: "\(root.layout.watchSalesManagement)/\(name)")
  }

  static func dropSM(_ root: TestRoot, _ text: String, as name: String) throws {
    try TestFiles.write(text, to: "\(root.layout.watchSalesManagement)/\(name)")
  }

  /// The Sage import of a batch, decoded.
  static func importRows(_ outcome: BatchOutcome, _ suffix: String) throws -> [[String]] {
    let path = try outcome.output(suffix)
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let text = try #require(String(data: data, encoding: .windowsCP1252))
    return text.components(separatedBy: "\r\n").dropLast().map {
      $0.components(separatedBy: "\t")
    }
  }

  /// The import row of `code` as label → value.
  static func row(_ rows: [[String]], code: String, column: String) throws -> [String: String] {
    let labels = rows[0]
    let index = try #require(labels.firstIndex(of: column))
    let row = try #require(rows.dropFirst().first { $0[index] == code }, "no row for \(code)")
    return Dictionary(uniqueKeysWithValues: zip(labels, row))
  }

  /// The row of `code` in a batch's prospect import.
  static func prospectRow(_ outcome: BatchOutcome, _ code: String) throws -> [String: String] {
    try row(try importRows(outcome, "-prospects.txt"), code: code, column: "Code prospect")
  }

  static func reported(_ root: TestRoot, _ outcome: BatchOutcome) throws -> [String] {
    try root.reportRows(try outcome.output(".rejects.csv")).map { "\($0[0]) \($0[1]) \($0[4])" }
      .sorted()
  }

  static func expected(_ sample: String) throws -> [String] {
    try TestFiles.expectedBadRows(of: sample).map { "\($0.line) \($0.key) \($0.code)" }.sorted()
  }

  /// The prospects sample with one more row (values by label), as Sage would
  /// export it once the accountant imported a prospect created in SM.
  static func prospects(adding values: [String: String]) throws -> [UInt8] {
    var export = try SageSamples.edited(SageSamples.prospects, key: "Code prospect")
    let header = try #require(
      String(data: Data(export.prefix { $0 != 0x0D }), encoding: .windowsCP1252))
    let labels = header.components(separatedBy: "\t")
    let row = labels.map { values[$0] ?? "" }.joined(separator: "\t") + "\r\n"
    export += try #require(row.data(using: .windowsCP1252))
    return export
  }

  @Test func smProspectsAndContactsBecomeTheGoldenSageImports() throws {
    let root = try Self.root()
    try Self.dropSM(root, sample: Self.accountsSample)
    try Self.dropSM(root, sample: Self.contactsSample)
    let outcomes = try root.runOnce()
    try #require(outcomes.count == 2)
    let (accounts, contacts) = (outcomes[0], outcomes[1])
    #expect(accounts.entity == "accounts")
    #expect(accounts.counts.read == 9)
    #expect(accounts.counts.emitted == 4)
    #expect(accounts.counts.unchanged == 2)  // P00002 as Sage has it, P00004 deleted
    #expect(accounts.counts.rejected == 3)
    #expect(try Self.reported(root, accounts) == Self.expected(Self.accountsSample))
    try Golden.checkBytes(
      Array(try Data(contentsOf: URL(fileURLWithPath: try accounts.output("-prospects.txt")))),
      named: "accounts-2026-11.prospects.txt")
    let prospectOperations = try root.rawOperations(try accounts.output("-accounts.json"))
    #expect(
      prospectOperations.map { "\($0["extId"]!) \($0["id"]!)" } == [
        "PSM00001 7001", "PSM00002 7006",
      ])
    #expect(
      prospectOperations.allSatisfy {
        ($0["data"] as? [String: Any])?.keys.sorted() == ["extId"]
          && ($0["data"] as? [String: Any])?["extId"] as? String == $0["extId"] as? String
      })

    #expect(contacts.entity == "contacts")
    #expect(contacts.counts.read == 8)
    #expect(contacts.counts.emitted == 5)
    #expect(contacts.counts.rejected == 2)
    #expect(try Self.reported(root, contacts) == Self.expected(Self.contactsSample))
    try Golden.checkBytes(
      Array(try Data(contentsOf: URL(fileURLWithPath: try contacts.output("-contacts.txt")))),
      named: "contacts-2026-11.contacts.txt")
    let contactOperations = try root.rawOperations(try contacts.output("-contacts.json"))
    // The main contact keeps its derived id in SM: only new contacts get a code.
    #expect(
      contactOperations.map { "\($0["extId"]!) \($0["id"]!)" } == [
        "CSM00001 8001", "CSM00003 8005",
      ])
  }

  @Test func anEditCarriesSageValuesForWhatSMDidNotChange() throws {
    let root = try Self.root()
    try Self.dropSM(root, sample: Self.accountsSample)
    try Self.dropSM(root, sample: Self.contactsSample)
    let outcomes = try root.runOnce()
    let prospects = try Self.importRows(outcomes[0], "-prospects.txt")
    // Only the phone changed: the rest is Sage's, the rep and the notes included.
    let lefort = try Self.row(prospects, code: "P00001", column: "Code prospect")
    #expect(lefort["Téléphone"] == "03 20 55 12 50")
    #expect(lefort["Représentant"] == "R01")
    #expect(lefort["Observations"] == "Rencontrée au salon Europain ; rappeler en octobre")
    // SM shows the company name; Sage's Nom (the person) stays.
    let fournier = try Self.row(prospects, code: "P00003", column: "Code prospect")
    #expect(fournier["Société"] == "Garage Fournier & Fils")
    #expect(fournier["Nom"] == "FOURNIER Marc")
    #expect(fournier["Adresse 1"] == "27 avenue de Grammont")
    #expect(fournier["Adresse 2"] == "ZA des Grands Champs")
    let created = try Self.row(prospects, code: "PSM00001", column: "Code prospect")
    #expect(created["Nom"] == "Boulangerie du Marché")
    #expect(created["Société"] == "Boulangerie du Marché")
    #expect(created["Représentant"] == "R02")
    // A name cut to Sage's 50 characters, its emoji written as '?'.
    let cut = try Self.row(prospects, code: "PSM00002", column: "Code prospect")
    #expect(cut["Société"] == "Traiteur Okami ? – cuisine japonaise et pâtisserie")

    let contacts = try Self.importRows(outcomes[1], "-contacts.txt")
    // A contact SM knows by its derived id goes under its Sage code.
    let gauthier = try Self.row(contacts, code: "CT0003", column: "Code contact")
    #expect(gauthier["Portable"] == "06 12 85 47 29")
    #expect(gauthier["Téléphone"] == "04.78.85.12.36")
    #expect(gauthier["Code client"] == "C00005")
    // A main contact has no Sage code: it gets one of ours.
    let girard = try Self.row(contacts, code: "CSM00002", column: "Code contact")
    #expect(girard["Code client"] == "C00006")
    #expect(girard["Téléphone"] == "05 41 49 51 60")
    #expect(girard["Fonction"] == "Cheffe d'atelier")
  }

  @Test func aRecordSMSendsAgainKeepsItsCodeAndIsToldItAgain() throws {
    let root = try Self.root()
    let first = """
      [{"id": 4242, "name": "Fromagerie Dumas", "city": "Annecy", "phone": "04 50 45 12 12"}]
      """
    try Self.dropSM(root, first, as: "accounts-1.json")
    _ = try root.runOnce()
    // SM has not taken the extId yet: the record comes back by its id alone.
    let second = """
      [{"id": 4242, "name": "Fromagerie Dumas", "city": "Annecy", "phone": "04 50 45 12 13"}]
      """
    try Self.dropSM(root, second, as: "accounts-2.json")
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.counts.emitted == 1)
    let rows = try Self.importRows(outcome, "-prospects.txt")
    #expect(rows.count == 2)
    #expect(
      try Self.row(rows, code: "PSM00001", column: "Code prospect")["Téléphone"]
        == "04 50 45 12 13")
    let operations = try root.operations(try outcome.output("-accounts.json"))
    #expect(operations.map { "\($0.action) \($0.extId)" } == ["upsert PSM00001"])
    // Once SM holds the code, the same values change nothing.
    try Self.dropSM(
      root,
      """
      [{"id": 4242, "extId": "PSM00001", "name": "Fromagerie Dumas", "city": "Annecy",
        "phone": "+33 4 50 45 12 13"}]
      """, as: "accounts-3.json")
    let third = try #require(try root.runOnce().first)
    #expect(third.counts.unchanged == 1)
    #expect(third.outputs.isEmpty)
  }

  /// A root where Sage changed the phone of P00001 (03 20 55 12 48) since SM last saw it.
  static func rootWhereSageChangedAPhone(_ name: String = #function) throws -> TestRoot {
    let root = try Self.root(name)
    try root.drop(
      try SageSamples.edited(
        SageSamples.prospects, key: "Code prospect",
        changing: ["P00001": ["Téléphone": "03 20 00 00 01"]]), as: "prospects.txt")
    _ = try root.runOnce()
    return root
  }

  @Test func bothSidesChangedIsAConflictSageWins() throws {
    // SM changes the phone too, and the e-mail.
    let root = try Self.rootWhereSageChangedAPhone()
    try Self.dropSM(
      root,
      """
      [{"id": 7002, "extId": "P00001", "phone": "03 20 99 99 99",
        "email": "commandes@patisserie-lefort.fr"},
       {"id": 7003, "extId": "P00002", "phone": "04 93 93 86 71", "city": "Cannes"}]
      """, as: "accounts.json")
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.counts.rejected == 1)
    #expect(outcome.counts.emitted == 1)
    let report = try root.reportRows(try outcome.output(".rejects.csv"))
    #expect(report.map { "\($0[1]) \($0[2]) \($0[4])" } == ["P00001 phone conflict"])
    // Nothing of the rejected change reaches Sage; the other prospect does.
    let rows = try Self.importRows(outcome, "-prospects.txt")
    #expect(rows.dropFirst().map { $0[0] } == ["P00002"])
    // SM gets Sage's phone back.
    let update = try root.operation(try outcome.output("-accounts.json"), extId: "P00001")
    #expect(update["id"] as? Int == 7002)
    let data = try #require(update["data"] as? [String: Any])
    #expect(data["phone"] as? String == "03 20 00 00 01")
    #expect(data["email"] == nil)
  }

  @Test func aChangeOnlySageMadeIsNotUndoneByAnOlderSMRecord() throws {
    let root = try Self.rootWhereSageChangedAPhone()
    // SM still shows the phone it had (Sage's change is on its way) and changes the e-mail.
    try Self.dropSM(
      root,
      """
      [{"id": 7002, "extId": "P00001", "phone": "03 20 55 12 48",
        "email": "commandes@patisserie-lefort.fr"}]
      """, as: "accounts.json")
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.counts.emitted == 1)
    let row = try Self.prospectRow(outcome, "P00001")
    #expect(row["Téléphone"] == "03 20 00 00 01")
    #expect(row["E-mail"] == "commandes@patisserie-lefort.fr")
  }

  @Test func aProspectCreatedInSMIsNotADeletionUntilSageHasIt() throws {
    let root = try Self.root()
    try Self.dropSM(
      root, #"[{"id": 4242, "name": "Fromagerie Dumas", "city": "Annecy"}]"#, as: "accounts.json")
    _ = try root.runOnce()
    // Sage's next prospects list does not have it yet.
    try root.drop(
      try SageSamples.edited(
        SageSamples.prospects, key: "Code prospect",
        changing: ["P00001": ["Ville": "Roubaix"]]), as: "prospects-1.txt")
    let before = try #require(try root.runOnce().first)
    #expect(before.counts.deletions == 0)
    // The accountant imported it: it comes with SM's id.
    try root.drop(
      try Self.prospects(adding: [
        "Code prospect": "PSM00001", "Nom": "Fromagerie Dumas", "Société": "Fromagerie Dumas",
        "Ville": "Annecy",
      ]), as: "prospects-2.txt")
    let imported = try #require(try root.runOnce().first)
    let operation = try root.operation(try imported.output("-accounts.json"), extId: "PSM00001")
    #expect(operation["id"] as? Int == 4242)
    #expect(operation["action"] as? String == "upsert")
    // From then on, Sage's lists speak for it.
    try root.drop(
      try SageSamples.edited(
        SageSamples.prospects, key: "Code prospect", changing: ["P00001": ["Ville": "Douai"]]),
      as: "prospects-3.txt")
    let after = try #require(try root.runOnce().first)
    let operations = try root.operations(try after.output("-accounts.json"))
    #expect(operations.contains { $0.action == "markDeleted" && $0.extId == "PSM00001" })
  }

  @Test func aContactOfAProspectCreatedInSMGoesUnderItsNewCode() throws {
    let root = try Self.root()
    try Self.dropSM(
      root, #"[{"id": 4242, "name": "Fromagerie Dumas", "city": "Annecy"}]"#, as: "accounts.json")
    try Self.dropSM(
      root,
      #"[{"id": 5151, "accountId": 4242, "firstName": "Léa", "lastName": "Dumas"}]"#,
      as: "contacts.json")
    let outcomes = try root.runOnce()
    let contacts = try Self.importRows(outcomes[1], "-contacts.txt")
    let lea = try Self.row(contacts, code: "CSM00001", column: "Code contact")
    #expect(lea["Code client"] == "PSM00001")
    #expect(lea["Prénom"] == "Léa")
  }

  @Test func codesStayUniqueAcrossConcurrentBatchesAndRestarts() throws {
    let root = try TestRoot()
    let path = root.layout.manifest
    // A Sage prospect already holds one of the codes the counter will reach.
    try Manifest(path: path).write { db in
      try db.execute(
        sql: """
          INSERT INTO record(resource, code, kind, origin, owner, firstBatch, lastBatch)
          VALUES ('accounts', 'PSM00007', 'prospect', 'sage', 'shared', 'b', 'b')
          """)
    }
    let codes = Mutex([String]())
    let failures = Mutex([String]())
    DispatchQueue.concurrentPerform(iterations: 4) { worker in
      do {
        // Each worker is another connection, as another process would be.
        let manifest = try Manifest(path: path)
        for index in 0..<25 {
          let code = try manifest.transaction { db in
            try SharedRecordBook(db: db, resource: "accounts").allocate(
              prefix: "PSM", smId: worker * 100 + index, smExtId: nil, batch: "b\(worker)",
              at: Date())
          }
          codes.withLock { $0.append(code) }
        }
      } catch {
        failures.withLock { $0.append("\(error)") }
      }
    }
    #expect(failures.withLock { $0 }.isEmpty)
    let allocated = codes.withLock { $0 }
    #expect(allocated.count == 100)
    #expect(Set(allocated).count == 100)
    #expect(!allocated.contains("PSM00007"))
    #expect(Set(allocated) == Set((1...101).filter { $0 != 7 }.map { "PSM\(pad($0))" }))
    // A restart carries on from the counter.
    let next = try Manifest(path: path).transaction { db in
      try SharedRecordBook(db: db, resource: "accounts").allocate(
        prefix: "PSM", smId: nil, smExtId: nil, batch: "later", at: Date())
    }
    #expect(next == "PSM00102")
  }

  private func pad(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: 5 - digits.count) + digits
  }

  @Test func theThreeWayComparison() throws {
    let fields = SharedFields.prospect
    let agreed = FieldSnapshot(["Téléphone": "03 20 55 12 48", "Ville": "Lille"])
    let sageNow = FieldSnapshot(["Téléphone": "03 20 55 12 48", "Ville": "Roubaix"])
    // SM changed the phone (written differently counts as the same), Sage the city.
    let merge = SharedRecordMerge(
      fields: fields, incoming: ["phone": "+33 3 20 55 12 49", "city": "Lille"], sage: sageNow,
      synced: agreed)
    #expect(merge.changed.map(\.key) == ["phone"])
    #expect(merge.conflicts.isEmpty)
    let same = SharedRecordMerge(
      fields: fields, incoming: ["phone": "03.20.55.12.48"], sage: sageNow, synced: agreed)
    #expect(same.changed.isEmpty && same.conflicts.isEmpty)
    let both = SharedRecordMerge(
      fields: fields, incoming: ["city": "Tourcoing"], sage: sageNow, synced: agreed)
    #expect(both.conflicts.map(\.key) == ["city"])
    // Both made the same change: agreed, nothing to send.
    let converged = SharedRecordMerge(
      fields: fields, incoming: ["city": " Roubaix"], sage: sageNow, synced: agreed)
    #expect(converged.changed.isEmpty && converged.conflicts.isEmpty)
    #expect(converged.synced.values["Ville"] == "Roubaix")
    // What the import writes becomes what Sage holds and what both agree on; SM's
    // one address2 empties Adresse 3.
    let address = FieldSnapshot(["Adresse 2": "ZA Nord", "Adresse 3": "Bât. B"])
    var moved = SharedRecordMerge(
      fields: fields, incoming: ["address2": "ZA Sud"], sage: address, synced: nil)
    let address2 = try #require(moved.changed.first)
    #expect(address2.key == "address2")
    moved.record(address2, written: "ZA Sud", over: address)
    #expect(moved.sage.values == ["Adresse 2": "ZA Sud", "Adresse 3": ""])
    #expect(moved.synced == moved.sage)
    // A value SM was never sent (left out as invalid) and SM's empty field agree.
    let leftOut = FieldSnapshot(["E-mail": "contact@@lefort", "=email": ""])
    let empty = SharedRecordMerge(
      fields: fields, incoming: ["email": ""], sage: leftOut, synced: nil)
    #expect(empty.changed.isEmpty && empty.conflicts.isEmpty)
    // Without Sage's values, everything SM sends is a change.
    let unknown = SharedRecordMerge(
      fields: fields, incoming: ["city": "Lille", "phone": "01"], sage: nil, synced: nil)
    #expect(unknown.changed.map(\.key) == ["city", "phone"])
  }

  @Test func aRecordKeptWithoutItsValuesWaitsForSagesNextExport() throws {
    let root = try Self.root()
    // As an earlier version left it: known, without Sage's values.
    try Manifest(path: root.layout.manifest).write { db in
      try db.execute(
        sql: "UPDATE record SET fields = NULL WHERE resource = 'accounts' AND code = 'P00001'")
    }
    let edit = #"[{"id": 7002, "extId": "P00001", "phone": "03 20 55 12 50"}]"#
    try Self.dropSM(root, edit, as: "accounts-1.json")
    let refused = try #require(try root.runOnce().first)
    #expect(try Self.reported(root, refused) == ["1 P00001 not-synchronised"])
    #expect(!refused.outputs.contains { $0.hasSuffix("-prospects.txt") })
    // Sage's next export leaves P00001 unchanged, but its values are now kept.
    try root.drop(
      try SageSamples.edited(
        SageSamples.prospects, key: "Code prospect", changing: ["P00002": ["Ville": "Cannes"]]),
      as: "prospects.txt")
    _ = try root.runOnce()
    // Dropped again (SM sends it again, written another way: not a duplicate file).
    try Self.dropSM(root, edit.replacingOccurrences(of: ", ", with: ","), as: "accounts-2.json")
    let sent = try #require(try root.runOnce().first)
    let row = try Self.prospectRow(sent, "P00001")
    #expect(row["Téléphone"] == "03 20 55 12 50")
    #expect(row["Ville"] == "Lille")
    #expect(row["Représentant"] == "R01")
  }

  @Test func aValueSMNeverReceivedIsNotErased() throws {
    let root = try TestRoot()
    try root.drop(
      try SageSamples.edited(
        SageSamples.prospects, key: "Code prospect",
        changing: ["P00001": ["E-mail": "contact@@patisserie-lefort"]]), as: "prospects.txt")
    _ = try root.runOnce()
    // SM never got the invalid e-mail: its empty field is not a change.
    try Self.dropSM(
      root, #"[{"id": 7002, "extId": "P00001", "phone": "03 20 55 12 50", "email": ""}]"#,
      as: "accounts.json")
    let outcome = try #require(try root.runOnce().first)
    let row = try Self.prospectRow(outcome, "P00001")
    #expect(row["E-mail"] == "contact@@patisserie-lefort")
    #expect(row["Téléphone"] == "03 20 55 12 50")
  }

  @Test func sageChangingAValueTwiceIsNotAConflict() throws {
    let root = try Self.rootWhereSageChangedAPhone()
    try root.drop(
      try SageSamples.edited(
        SageSamples.prospects, key: "Code prospect",
        changing: ["P00001": ["Téléphone": "03 20 00 00 02"]]), as: "prospects-again.txt")
    _ = try root.runOnce()
    // SM shows the first change and edits the e-mail.
    try Self.dropSM(
      root,
      #"[{"id": 7002, "extId": "P00001", "phone": "03 20 00 00 01", "email": "c@lefort.fr"}]"#,
      as: "accounts.json")
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.counts.rejected == 0)
    let row = try Self.prospectRow(outcome, "P00001")
    #expect(row["Téléphone"] == "03 20 00 00 02")
    #expect(row["E-mail"] == "c@lefort.fr")
  }

  @Test func aValueAsSageWroteItIsNotAChange() throws {
    let root = try Self.root()
    try Self.dropSM(root, #"[{"id": 4242, "name": "Kōbe Trading"}]"#, as: "accounts-1.json")
    _ = try root.runOnce()
    // Sage holds "Kobe Trading" (no ō in Windows-1252), then renames it.
    try root.drop(
      try Self.prospects(adding: [
        "Code prospect": "PSM00001", "Nom": "Kobe Trading SA", "Société": "Kobe Trading SA",
      ]), as: "prospects.txt")
    _ = try root.runOnce()
    try Self.dropSM(
      root, #"[{"id": 4242, "extId": "PSM00001", "name": "Kōbe Trading", "city": "Lyon"}]"#,
      as: "accounts-2.json")
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.counts.rejected == 0)
    let row = try Self.prospectRow(outcome, "PSM00001")
    #expect(row["Société"] == "Kobe Trading SA")
    #expect(row["Ville"] == "Lyon")
  }

  @Test func aRenamedPersonKeepsTheColumnItCameFrom() throws {
    let root = try Self.root()
    // P00007 is a person: Nom filled, Société empty.
    try Self.dropSM(
      root, #"[{"id": 7007, "extId": "P00007", "name": "DUPUIS-MOREL Martine"}]"#,
      as: "accounts.json")
    let outcome = try #require(try root.runOnce().first)
    let row = try Self.prospectRow(outcome, "P00007")
    #expect(row["Nom"] == "DUPUIS-MOREL Martine")
    #expect(row["Société"] == "")
  }

  @Test func theAdminSMShowsIsNotARepChange() throws {
    let root = try Self.root()
    root.settings.tables.adminUserId = 99
    // P00005 has no rep in Sage: SM shows its admin.
    try Self.dropSM(
      root, #"[{"id": 7005, "extId": "P00005", "salesRepId1": 99, "city": "Abbeville"}]"#,
      as: "accounts.json")
    let outcome = try #require(try root.runOnce().first)
    let row = try Self.prospectRow(outcome, "P00005")
    #expect(row["Représentant"] == "")
    #expect(row["Ville"] == "Abbeville")
    #expect(outcome.counts.warnings == 0)
  }

  @Test func aMainContactListedUnderOurCodeStaysOneContact() throws {
    let root = try Self.root()
    try Self.dropSM(root, sample: Self.contactsSample)
    _ = try root.runOnce()  // Émilie Girard, main contact of C00006, gets CSM00002
    // Sage now lists her in its contacts, under that code, with a new name.
    var export = try SageSamples.edited(SageSamples.contacts, key: "Code contact")
    let row = "C00006\tCSM00002\tMme\tGIRARD-LEROY\tÉmilie\t\t05 41 49 51 60\t\t\t\t\r\n"
    export += try #require(row.data(using: .windowsCP1252))
    try root.drop(export, as: "contacts.txt")
    let outcome = try #require(try root.runOnce().first)
    let operations = try root.rawOperations(try outcome.output("-contacts.json"))
    let girard = try #require(operations.first { $0["extId"] as? String == "C00006.a81cf297" })
    #expect((girard["data"] as? [String: Any])?["Z_CODE_CONTACT"] as? String == "CSM00002")
    #expect(!operations.contains { $0["extId"] as? String == "CSM00002" })
  }

  @Test(arguments: [
    #"{"id": 7004, "extId": 2, "name": "Café"}"#,
    #"{"id": 7004, "name": "Café", "deleted": "true"}"#,
    #"{"id": true, "name": "Café"}"#,
    #"{"id": 1e300, "name": "Café"}"#,
    #"{"id": 7004.5, "name": "Café"}"#,
  ])
  func aFieldOfTheWrongTypeRejectsTheRecord(record: String) throws {
    let root = try Self.root()
    try Self.dropSM(root, "[\(record)]", as: "accounts.json")
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.counts.rejected == 1)
    #expect(
      try Self.reported(root, outcome).map { $0.split(separator: " ").last! } == ["wrong-type"])
    #expect(!outcome.outputs.contains { $0.hasSuffix("-prospects.txt") })
  }
}
