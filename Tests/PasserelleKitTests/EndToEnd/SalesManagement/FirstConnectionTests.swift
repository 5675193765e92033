import Foundation
import Testing

/// A first connection to an SM reps have used for years (`FirstConnectionFixture`):
/// `push --dry-run` shows what would happen and writes nothing to SM; `push` takes
/// over the records reps typed instead of creating twins, holds for IT what only IT
/// can tell apart, and leaves SM's own records alone; `reconcile` applies IT's
/// choices. The real binaries, SM emulated on loopback.
@Suite(.serialized) struct FirstConnectionTests {
  /// At least 95 % of the 300 companies reps typed are adopted, never one for
  /// another; the rest wait for IT without a twin; SM's 200 own accounts are left
  /// as they were; the 1,700 companies SM lacked are created once each; and the
  /// delivery does what the dry run announced.
  @Test func aFirstConnectionAdoptsWhatRepsTypedAndCreatesNoTwin() async throws {
    let scene = try await FirstConnection.prepare()
    let preview = try await dryRun(scene)
    let push = try await scene.root.run("push", "--json")
    #expect(push.status == 0, "\(scene.note): \(push.error)")
    let done = try ResourceCounts(push.output)
    expectDelivery(done, asPreviewed: preview, scene.note)
    let held = try scene.reconciliationSheet().codes(of: "accounts")
    let adopted = try await expectAccounts(scene, held: held)
    try await expectContacts(scene, adoptedAccounts: adopted)
  }

  /// IT's three answers for companies typed twice: the one adopted gets its code
  /// (and no twin), the one to create is created once, the one ignored is neither;
  /// none of them is held any more.
  @Test func reconcileAppliesWhatITDecided() async throws {
    let scene = try await FirstConnection.prepare()
    let first = try await scene.root.run("push", "--json")
    #expect(first.status == 0, "\(scene.note): \(first.error)")
    let heldBefore = try #require(try scene.root.queues()["accounts"]?.held)
    let fixture = scene.fixture
    #expect(heldBefore >= fixture.typedTwiceCodes.count, "\(scene.note): typed twice, held")
    let codes = fixture.typedTwiceCodes.sorted()
    let (adopt, create, ignore) = (codes[0], codes[1], codes[2])
    let adoptedId = scene.ids.accounts[fixture.firstEntry[adopt]!]
    let sheet = try scene.reconciliationSheet()
    let decided = try deciding(
      sheet, [adopt: "adopter \(adoptedId)", create: "créer", ignore: "ignorer"])
    let file = scene.root.root.scratch.file("rapprochement-decide.csv")
    try decided.write(to: file)
    let reconcile = try await scene.root.run("reconcile", file)
    #expect(reconcile.status == 0, "\(scene.note): \(reconcile.error)")
    let second = try await scene.root.run("push", "--json")
    #expect(second.status == 0, "\(scene.note): \(second.error)")

    let accounts = try await scene.records("accounts")
    let creates = try await scene.session.creates("accounts")
    #expect(accounts[adoptedId]?["extId"] as? String == adopt, "\(scene.note): adopted")
    #expect(creates[adopt] == nil, "\(scene.note): \(adopt) adopted, not created")
    #expect(creates[create] == 1, "\(scene.note): \(create) created once")
    #expect(creates[ignore] == nil, "\(scene.note): \(ignore) ignored, not created")
    #expect(!accounts.values.contains { $0["extId"] as? String == ignore }, "\(ignore) adopted")
    // Whatever IT did not choose stays as reps left it.
    let untouched = [
      fixture.secondEntry[adopt]!, fixture.firstEntry[create]!, fixture.secondEntry[create]!,
      fixture.firstEntry[ignore]!, fixture.secondEntry[ignore]!,
    ].map { scene.ids.accounts[$0] }
    for id in untouched {
      #expect(accounts[id].map(Self.isUntouched) == true, "\(scene.note): account \(id) changed")
    }
    let heldAfter = try #require(try scene.root.queues()["accounts"]?.held)
    #expect(heldAfter == heldBefore - 3, "\(scene.note): held \(heldBefore) → \(heldAfter)")
  }

  // MARK: - The dry run

  /// `push --dry-run --json`: SM only read (a login aside), the preview and the
  /// reconciliation sheet written. Answers the counts it announced.
  private func dryRun(_ scene: FirstConnection) async throws -> ResourceCounts {
    let before = try await scene.callCount()
    let run = try await scene.root.run("push", "--dry-run", "--json")
    #expect(run.status == 0, "\(scene.note): \(run.error)")
    let calls = try await scene.calls(from: before)
    let writes = calls.filter {
      $0["method"] as? String != "GET" && $0["login"] as? Bool != true
    }
    #expect(writes.isEmpty, "\(scene.note): the dry run wrote to SM: \(writes.prefix(3))")
    #expect(calls.contains { $0["method"] as? String == "GET" }, "the dry run reads SM")
    #expect(try await scene.session.creates("accounts").isEmpty)
    let preview = try ResourceCounts(run.output)
    try expectPreviewFile(preview, scene)
    #expect(FileManager.default.fileExists(atPath: scene.reconciliationPath))
    // Every company SM lacks is to create; every one reps typed has a candidate.
    let fixture = scene.fixture
    #expect(preview.count("accounts", "create") == fixture.newCodes.count, "\(scene.note)")
    #expect(
      preview.count("accounts", "adopt") + preview.count("accounts", "hold")
        == FirstConnectionFixture.sameCompanyCount, "\(scene.note)")
    #expect(preview.count("accounts", "delete") == 0, "\(scene.note)")
    return preview
  }

  /// `out/apercu-<yyyyMMdd-HHmmss>.csv`, named by its absolute path: UTF-8 with a BOM,
  /// `;` separated.
  private func expectPreviewFile(_ preview: ResourceCounts, _ scene: FirstConnection) throws {
    let path = try #require(preview.object["file"] as? String, "the preview names its file")
    let name = (path as NSString).lastPathComponent
    #expect(path.hasPrefix("/"), "an absolute path: \(path)")
    #expect(name.wholeMatch(of: /apercu-\d{8}-\d{6}\.csv/) != nil, "\(name)")
    #expect(scene.root.root.scratch.files(in: "out").contains(name), "\(name) in out/")
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) starts with a BOM")
    let header = String(decoding: bytes.dropFirst(3).prefix { $0 != 0x0A }, as: UTF8.self)
    #expect(header == "ressource;action;code Sage;fiche;id SM;détail\r", "\(name): \(header)")
  }

  /// For each resource, what the delivery did is what the dry run announced, and
  /// SM refused nothing.
  private func expectDelivery(
    _ done: ResourceCounts, asPreviewed preview: ResourceCounts, _ note: String
  ) {
    let pairs = [
      ("create", "created"), ("update", "updated"), ("adopt", "adopted"),
      ("delete", "deleted"), ("hold", "held"),
    ]
    for resource in Set(preview.counts.keys).union(done.counts.keys).sorted() {
      for (announced, did) in pairs {
        let (planned, actual) = (preview.count(resource, announced), done.count(resource, did))
        #expect(planned == actual, "\(note): \(resource) \(announced) \(planned), \(did) \(actual)")
      }
      #expect(done.count(resource, "refused") == 0, "\(note): \(resource) refused")
    }
  }

  // MARK: - SM after the first delivery

  /// Accounts: the companies reps typed adopted (95 % at least) with their own code
  /// only, the others listed for IT and never created; records left unadopted
  /// untouched; the companies SM lacked created once. Answers the codes adopted.
  private func expectAccounts(_ scene: FirstConnection, held: Set<String>) async throws
    -> Set<String>
  {
    let fixture = scene.fixture
    let records = try await scene.records("accounts")
    var adopted: Set<String> = []
    var misadopted: [String] = []
    var changed: [Int] = []
    for (index, typed) in fixture.accounts.enumerated() {
      let id = scene.ids.accounts[index]
      let record = try #require(records[id], "\(scene.note): account \(id) is gone")
      guard let extId = record["extId"] as? String else {
        if !Self.isUntouched(record) { changed.append(id) }
        continue
      }
      if extId != typed.truth || typed.role != .sameCompany {
        misadopted.append("\(id) \"\(typed.name)\" (\(typed.truth ?? "no code")) as \(extId)")
      } else {
        adopted.insert(extId)
      }
    }
    #expect(misadopted.isEmpty, "\(scene.note): adopted wrongly: \(misadopted.prefix(10))")
    #expect(changed.isEmpty, "\(scene.note): unadopted yet changed: \(changed.prefix(10))")
    let wanted = FirstConnectionFixture.sameCompanyCount * 95 / 100
    #expect(adopted.count >= wanted, "\(scene.note): \(adopted.count) adopted of 300")
    #expect(adopted.isDisjoint(with: fixture.typedTwiceCodes), "\(scene.note): IT's to choose")
    #expect(fixture.typedTwiceCodes.isSubset(of: held), "\(scene.note): typed twice, not held")
    let unlisted = fixture.typedCodes.subtracting(adopted).subtracting(held).sorted()
    #expect(unlisted.isEmpty, "\(scene.note): neither adopted nor held: \(unlisted.prefix(10))")
    try await expectCreatedOnce(scene)
    return adopted
  }

  /// No company SM had is created again; each one it lacked is created once.
  private func expectCreatedOnce(_ scene: FirstConnection) async throws {
    let creates = try await scene.session.creates("accounts")
    let twins = scene.fixture.typedCodes.filter { creates[$0] != nil }.sorted()
    #expect(twins.isEmpty, "\(scene.note): created although SM had them: \(twins.prefix(10))")
    let notOnce = scene.fixture.newCodes.filter { creates[$0] != 1 }
    #expect(notOnce.isEmpty, "\(scene.note): not created once: \(notOnce.prefix(10))")
    #expect(creates.count == scene.fixture.newCodes.count, "\(scene.note): created in all")
  }

  /// Contacts: none deleted or moved; one adopted carries the code of its own
  /// company's Sage main contact only; among the main contacts reps typed in an
  /// adopted company, 95 % at least are adopted, and none has a twin.
  private func expectContacts(_ scene: FirstConnection, adoptedAccounts: Set<String>)
    async throws
  {
    let fixture = scene.fixture
    let records = try await scene.records("contacts")
    let creates = try await scene.session.creates("contacts")
    var wrong: [String] = []
    var twins: [String] = []
    var (expected, adopted) = (0, 0)
    for (index, typed) in fixture.contacts.enumerated() {
      let id = scene.ids.contacts[index]
      let record = try #require(records[id], "\(scene.note): contact \(id) is gone")
      let extId = record["extId"] as? String
      let accountId = scene.ids.accounts[typed.account]
      if let problem = Self.problem(record, extId: extId, typed: typed, accountId: accountId) {
        wrong.append("\(id) \(typed.firstName) \(typed.lastName): \(problem)")
      }
      guard let truth = typed.truth, let code = fixture.accounts[typed.account].truth,
        adoptedAccounts.contains(code)
      else { continue }
      expected += 1
      if extId == truth { adopted += 1 } else if creates[truth] != nil { twins.append(truth) }
    }
    #expect(wrong.isEmpty, "\(scene.note): \(wrong.prefix(10))")
    #expect(twins.isEmpty, "\(scene.note): main contacts created twice: \(twins.prefix(10))")
    // The typed main contacts of adopted companies: the fixture types hundreds.
    #expect(expected > 100, "\(scene.note): only \(expected) main contacts to adopt")
    #expect(adopted * 100 >= expected * 95, "\(scene.note): \(adopted) of \(expected) adopted")
    #expect(creates.values.allSatisfy { $0 == 1 }, "\(scene.note): a contact created twice")
  }

  /// What is wrong with a seeded contact after delivery, if anything.
  private static func problem(
    _ record: [String: Any], extId: String?, typed: FirstConnectionFixture.TypedContact,
    accountId: Int
  ) -> String? {
    if record["deleted"] as? Bool == true { return "deleted" }
    if "\(record["accountId"] ?? "")" != "\(accountId)" { return "moved to another account" }
    if let extId, extId != typed.truth { return "adopted as \(extId)" }
    if extId == nil && !isUntouched(record) { return "changed though not adopted" }
    return nil
  }

  /// As reps left it: no code, never updated, not deleted.
  static func isUntouched(_ record: [String: Any]) -> Bool {
    record["extId"] as? String == nil && record["dateUpdated"] as? String == nil
      && record["deleted"] as? Bool != true
  }

  // MARK: - IT's decisions

  /// The sheet with `decisions` (Sage code → `décision`) filled in on the accounts'
  /// rows; every code must have its row.
  private func deciding(_ sheet: SemicolonSheet, _ decisions: [String: String]) throws
    -> SemicolonSheet
  {
    let resource = try #require(sheet.header.firstIndex(of: "ressource"))
    let code = try #require(sheet.header.firstIndex(of: "code Sage"))
    let decision = try #require(sheet.header.firstIndex(of: "décision"))
    var decided = sheet
    var found: Set<String> = []
    for (index, row) in sheet.rows.enumerated() where row.count > max(resource, code) {
      guard row[resource] == "accounts", let choice = decisions[row[code]] else { continue }
      var filled = row + Array(repeating: "", count: max(0, decision + 1 - row.count))
      filled[decision] = choice
      decided.rows[index] = filled
      found.insert(row[code])
    }
    try #require(found == Set(decisions.keys), "held for IT: \(decisions.keys.sorted())")
    return decided
  }
}

// MARK: - The scene

/// An emulated SM seeded with what reps typed, and a root whose export is
/// converted and waits in the outbox.
private struct FirstConnection {
  static let reconciliationHeader = [
    "ressource", "code Sage", "fiche Sage", "candidats", "raison", "décision",
  ]

  let root: ConnectedRoot
  let session: EmulatorSession
  let fixture: FirstConnectionFixture
  let ids: SeededIds

  /// What every failure message starts with: the seed that replays the test.
  var note: String { "seed \(fixture.seed)" }
  var reconciliationPath: String { root.root.layout.out + "/rapprochement.csv" }

  static func prepare(_ test: String = #function) async throws -> FirstConnection {
    let fixture = try FirstConnectionFixture(seed: TestSeed.draw(for: test, fixed: 20_261_204))
    let root = try ConnectedRoot(EmulatorProcess(), name: test)
    var session = EmulatorSession(root.emulator)
    try await session.login()
    let ids = try await fixture.seed(into: session)
    let export = root.root.scratch.file("Export des clients.Txt")
    try Data(fixture.export).write(to: URL(fileURLWithPath: export))
    // Converted first (`convert` does not deliver): the dry run sees it all waiting.
    let converted = try await root.run("convert", export)
    try #require(converted.status == 0, "seed \(fixture.seed): a row refused: \(converted.error)")
    return FirstConnection(root: root, session: session, fixture: fixture, ids: ids)
  }

  /// How many API calls SM has answered.
  func callCount() async throws -> Int {
    try #require(try await session.admin("GET", "state").object["calls"] as? Int)
  }

  /// The API calls SM answered, from the `start`-th on.
  func calls(from start: Int) async throws -> [[String: Any]] {
    let calls = try await session.admin("GET", "calls").objects
    return Array(calls.dropFirst(start))
  }

  /// SM's records of `resource` by id, deleted ones included.
  func records(_ resource: String) async throws -> [Int: [String: Any]] {
    var byId: [Int: [String: Any]] = [:]
    for record in try await session.records(resource) {
      if let id = record["id"] as? Int { byId[id] = record }
    }
    return byId
  }

  /// `out/rapprochement.csv`, checked for its BOM and header.
  func reconciliationSheet() throws -> SemicolonSheet {
    let sheet = try SemicolonSheet(path: reconciliationPath)
    #expect(sheet.hasBOM, "rapprochement.csv starts with a BOM")
    #expect(sheet.header == Self.reconciliationHeader, "\(sheet.header)")
    return sheet
  }
}

extension SemicolonSheet {
  /// The Sage codes the reconciliation sheet lists for `resource`.
  func codes(of resource: String) -> Set<String> {
    Set(rows.filter { cell($0, "ressource") == resource }.map { cell($0, "code Sage") })
  }
}

/// `--json` counts by resource: `{"resources": {"accounts": {"create": 3, …}, …}, …}`.
private struct ResourceCounts {
  let counts: [String: [String: Int]]
  /// The whole answer, for members beside the counts (`file`).
  let object: [String: Any]

  init(_ output: String) throws {
    let json = try JSONSerialization.jsonObject(with: Data(output.utf8))
    let object = try #require(json as? [String: Any], "not a JSON object: \(output)")
    let resources = try #require(object["resources"] as? [String: Any], "no resources: \(output)")
    self.object = object
    counts = resources.compactMapValues { value in
      (value as? [String: Any])?.compactMapValues { $0 as? Int }
    }
  }

  func count(_ resource: String, _ name: String) -> Int { counts[resource]?[name] ?? 0 }
}
