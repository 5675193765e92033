import Foundation
import GRDB
import Testing

@testable import PasserelleKit

/// The shipped samples of every Sage 50 export, dropped together as the
/// accountant would, and edited copies of them.
enum SageSamples {
  static let representatives = "Export des représentants.Txt"
  static let customers = "Export des clients.Txt"
  static let prospects = "Export des prospects.Txt"
  static let contacts = "Export des contacts.Txt"
  static let articles = "Export des articles.Txt"
  static let articlesXML = "articles.xml"
  static let invoices = "Export des factures.Txt"
  static let quotes = "Export des devis.Txt"
  static let all = [
    representatives, customers, prospects, contacts, articles, articlesXML, invoices, quotes,
  ]
  /// The SM quotes the devis sample answers, as the SM → Sage direction records them.
  static let sentQuotes = ["SM-Q-000101": 9101, "SM-Q-000102": 9102, "SM-Q-000103": 9103]

  static func dropPictures(into root: TestRoot) throws {
    try FileManager.default.copyItem(
      atPath: TestFiles.sample("images"), toPath: root.layout.sageImages)
  }

  static func registerSentQuotes(in root: TestRoot) throws {
    let manifest = try Manifest(path: root.layout.manifest)
    try manifest.write { db in
      for (reference, id) in sentQuotes {
        try db.execute(
          sql: """
            INSERT INTO quote(reference, smId, state, sentBatch, updatedAt)
            VALUES (?, ?, 'sent', 'earlier', '2026-11-01T00:00:00Z')
            """, arguments: [reference, id])
      }
    }
  }

  /// A root holding every sample (and the pictures), with the SM quotes known.
  static func fullRoot(_ name: String = #function) throws -> TestRoot {
    let root = try TestRoot(name)
    try dropPictures(into: root)
    try registerSentQuotes(in: root)
    for sample in all { try root.drop(sample: TestFiles.sample(sample)) }
    return root
  }

  /// A TAB sample with its rows edited: cells by label, rows removed by key.
  static func edited(
    _ name: String, key: String, removing removed: Set<String> = [],
    changing changes: [String: [String: String]] = [:]
  ) throws -> [UInt8] {
    let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.sample(name)))
    let text = try #require(String(data: data, encoding: .windowsCP1252))
    var lines = text.components(separatedBy: "\r\n")
    let labels = lines[0].components(separatedBy: "\t")
    let keyColumn = try #require(labels.firstIndex(of: key))
    lines = lines.enumerated().compactMap { index, line in
      guard index > 0, !line.isEmpty else { return line }
      var cells = line.components(separatedBy: "\t")
      if removed.contains(cells[keyColumn]) { return nil }
      for (label, value) in changes[cells[keyColumn]] ?? [:] {
        if let column = labels.firstIndex(of: label) { cells[column] = value }
      }
      return cells.joined(separator: "\t")
    }
    return Array(try #require(lines.joined(separator: "\r\n").data(using: .windowsCP1252)))
  }
}

@Suite struct SageExportsTests {
  /// One pass over every export: dependency order, and each file's bad rows exactly
  /// as its expected list says.
  @Test func aPassOverEveryExportReportsEachBadRowOfEachFile() throws {
    let root = try SageSamples.fullRoot()
    let outcomes = try root.runOnce()
    #expect(
      outcomes.map(\.entity) == [
        "representatives", "customers", "prospects", "contacts", "articles", "articles",
        "documents", "documents",
      ])
    for outcome in outcomes {
      #expect(outcome.state == .done, "\(outcome.file)")
      let report = try #require(
        outcome.outputs.first { $0.hasSuffix(".rejects.csv") }, "\(outcome.file)")
      let reported = try root.reportRows(report).map { "\($0[0]) \($0[1]) \($0[4])" }.sorted()
      let expected = try TestFiles.expectedBadRows(of: outcome.file).map {
        "\($0.line) \($0.key) \($0.code)"
      }.sorted()
      #expect(reported == expected, "\(outcome.file)")
    }
    #expect(root.payloads("users").count == 1)
    #expect(root.payloads("accounts").count == 2)  // customers, prospects
    #expect(root.payloads("contacts").count == 3)  // two lists of main contacts, the export
    #expect(root.payloads("products").count == 1)  // the XML holds the same articles
    #expect(root.payloads("sales").count == 1)
    #expect(root.payloads("salesorders").count == 1)
  }

  /// File names and times say nothing: the header decides the order.
  @Test func filesAreTakenInDependencyOrderWhateverTheirNames() throws {
    let root = try TestRoot()
    let names = [
      (SageSamples.invoices, "a.txt"), (SageSamples.contacts, "b.txt"),
      (SageSamples.articles, "c.txt"), (SageSamples.prospects, "d.txt"),
      (SageSamples.customers, "e.txt"), (SageSamples.representatives, "f.txt"),
    ]
    for (offset, (sample, name)) in names.enumerated() {
      try root.drop(sample: TestFiles.sample(sample), as: name)
      let date = Date(timeIntervalSince1970: 1_790_000_000 + Double(offset) * 60)
      try FileManager.default.setAttributes(
        [.modificationDate: date], ofItemAtPath: "\(root.layout.watchSage)/\(name)")
    }
    let outcomes = try root.runOnce()
    #expect(
      outcomes.map(\.entity) == [
        "representatives", "customers", "prospects", "contacts", "articles", "documents",
      ])
    // Contacts and invoices found their companies: only the sample's own bad rows.
    let contacts = try #require(outcomes.first { $0.entity == "contacts" })
    #expect(contacts.counts.rejected == 5)
    let invoices = try #require(outcomes.first { $0.entity == "documents" })
    #expect(invoices.counts.rejected == 4)
  }

  @Test(arguments: [
    ("users", "representatives-tab.users.json"),
    ("contacts", "contacts-tab.contacts.json"),
    ("products", "articles-tab.products.json"),
    ("sales", "invoices-tab.sales.json"),
    ("salesorders", "quotes-tab.salesorders.json"),
  ])
  func eachEntityGivesItsGoldenPayload(resource: String, golden: String) throws {
    let root = try SageSamples.fullRoot()
    let outcomes = try root.runOnce()
    // The contacts export's payload, not the main contacts of company rows.
    let payload = try #require(
      outcomes.lazy.filter { $0.entity != "customers" && $0.entity != "prospects" }
        .flatMap(\.outputs).first { $0.hasSuffix("-\(resource).json") })
    let batch = try #require(outcomes.first { $0.outputs.contains(payload) }).batch
    try Golden.check(Golden.normalise(try TestFiles.read(payload), batch: batch), named: golden)
  }

  @Test func theProspectsGoldenPayloadIsEditableAndTyped() throws {
    let root = try TestRoot()
    root.settings.tables.prospectTypeId = 3
    try root.drop(sample: TestFiles.sample(SageSamples.prospects))
    let outcome = try #require(try root.runOnce().first)
    let payload = try #require(root.payloads().first)
    try Golden.check(
      Golden.normalise(try TestFiles.read(payload), batch: outcome.batch),
      named: "prospects-tab.accounts.json")
    let operations = try root.operations(payload)
    #expect(operations.allSatisfy { $0.data?["readOnly"] as? Bool == false })
    #expect(operations.allSatisfy { $0.data?["typeId"] as? Int == 3 })
  }

  /// Re-exports with one change and one removal per entity emit exactly those.
  @Test func reExportsWithAFewChangesEmitExactlyThoseChanges() throws {
    let root = try SageSamples.fullRoot()
    _ = try root.runOnce()
    let edits: [(String, [UInt8])] = [
      (
        "reps.txt",
        try SageSamples.edited(
          SageSamples.representatives, key: "Code", removing: ["R02"],
          changing: ["R01": ["Fonction": "Directrice commerciale"]])
      ),
      (
        "prospects.txt",
        try SageSamples.edited(
          SageSamples.prospects, key: "Code prospect", removing: ["P00002"],
          changing: ["P00001": ["Ville": "Roubaix", "Code Postal": "59100"]])
      ),
      (
        "contacts.txt",
        try SageSamples.edited(
          SageSamples.contacts, key: "Code contact", removing: ["CT0002"],
          changing: ["CT0001": ["Fonction": "Directeur"]])
      ),
      (
        "articles.txt",
        try SageSamples.edited(
          SageSamples.articles, key: "Code", removing: ["ART0002"],
          changing: ["ART0001": ["Prix de vente HT": "199,00", "Prix de vente TTC": "238,80"]])
      ),
      (
        "factures.txt",
        try SageSamples.edited(
          SageSamples.invoices, key: "N° pièce",
          changing: ["FA000123": ["Date échéance": "15/10/2026"]])
      ),
    ]
    for (name, bytes) in edits { try root.drop(bytes, as: name) }
    let outcomes = try root.runOnce()
    func operations(_ entity: String, _ resource: String) throws -> [String] {
      let outcome = try #require(outcomes.first { $0.entity == entity })
      guard let payload = outcome.outputs.first(where: { $0.hasSuffix("-\(resource).json") })
      else { return [] }
      return try root.operations(payload).map { "\($0.action) \($0.extId)" }
    }
    #expect(try operations("representatives", "users") == ["upsert R01", "deactivate R02"])
    #expect(try operations("prospects", "accounts") == ["upsert P00001", "markDeleted P00002"])
    let mainContacts = try operations("prospects", "contacts")
    #expect(mainContacts.count == 1 && mainContacts[0].hasPrefix("markDeleted P00002."))
    #expect(try operations("contacts", "contacts") == ["upsert CT0001", "markDeleted CT0002"])
    #expect(try operations("articles", "products") == ["upsert ART0001", "markDeleted ART0002"])
    // Invoices are never deleted: the rejected FA000128 and friends stay rejected.
    let sales = try operations("documents", "sales")
    #expect(sales == ["upsert FA000123"])
  }

  @Test func aProspectPromotedToCustomerTurnsReadOnlyAndIsNotDeleted() throws {
    let root = try TestRoot()
    try root.drop(sample: TestFiles.sample(SageSamples.prospects))
    _ = try root.runOnce()
    let builder = try CustomerExportBuilder()
    try root.drop(
      builder.build(count: 2) { index, fields in
        if index == 0 { fields[0] = Array("P00001".utf8) }
      }, as: "clients.txt")
    let promotion = try #require(try root.runOnce().first)
    let accounts = try root.operations(
      try #require(promotion.outputs.first { $0.hasSuffix("-accounts.json") }))
    let promoted = try #require(accounts.first { $0.extId == "P00001" })
    #expect(promoted.data?["readOnly"] as? Bool == true)
    #expect(promoted.data?["Z_NATURE"] as? String == "Client")
    let manifest = try Manifest(path: root.layout.manifest)
    let owner = try manifest.read { db in
      try GRDB.Row.fetchOne(
        db, sql: "SELECT kind, owner FROM record WHERE resource = 'accounts' AND code = 'P00001'")
    }
    #expect(owner?["kind"] as String? == "customer")
    #expect(owner?["owner"] as String? == "sage")
    // Sage's next prospects list no longer holds it: it is not deleted from SM.
    try root.drop(
      try SageSamples.edited(SageSamples.prospects, key: "Code prospect", removing: ["P00001"]),
      as: "prospects.txt")
    let next = try #require(try root.runOnce().first)
    #expect(next.counts.deletions == 0)
  }

  @Test func aRepresentativeKnownBySalesManagementKeepsItsIdAndFeedsAccounts() throws {
    let root = try TestRoot()
    root.settings.tables.userIdsByEmail = ["t.giraud@valmont-distribution.fr": 502]
    try root.drop(sample: TestFiles.sample(SageSamples.representatives))
    try root.drop(sample: TestFiles.sample(SageSamples.customers))
    let outcomes = try root.runOnce()
    let users = try root.operations(try #require(root.payloads("users").first))
    let payload = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: try #require(root.payloads("users").first))))
    let giraud = try #require(
      ((payload as? [String: Any])?["operations"] as? [[String: Any]])?.first {
        $0["extId"] as? String == "R02"
      })
    #expect(giraud["id"] as? Int == 502)
    #expect(users.first { $0.extId == "R01" }?.data?["name"] as? String == "Sophie")
    #expect(users.first { $0.extId == "R01" }?.data?["lastName"] as? String == "LAMBERT")
    let accounts = try root.operations(
      try #require(outcomes[1].outputs.first { $0.hasSuffix("-accounts.json") }))
    let withGiraud = accounts.filter { $0.data?["Z_REPRESENTANT"] as? String == "R02" }
    #expect(!withGiraud.isEmpty)
    #expect(withGiraud.allSatisfy { $0.data?["salesRepId1"] as? Int == 502 })
  }

  @Test func aPictureTravelsOnceAndAgainOnlyWhenItChanges() throws {
    let root = try TestRoot()
    try SageSamples.dropPictures(into: root)
    try root.drop(sample: TestFiles.sample(SageSamples.articles))
    _ = try root.runOnce()
    let pictures = root.scratch.files(in: "out/salesmanagement/pictures")
    // Every picture of the folder belongs to an article (one by a Windows path
    // whose file name is not the code).
    #expect(pictures.count == root.scratch.files(in: "watch/sage/images").count)
    func picture(in payload: String, of code: String) throws -> [String: Any]? {
      let json = try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: payload)))
      let operations = (json as? [String: Any])?["operations"] as? [[String: Any]] ?? []
      return operations.first { $0["extId"] as? String == code }?["picture"] as? [String: Any]
    }
    let first = try #require(root.payloads("products").first)
    let drill = try #require(try picture(in: first, of: "ART0001"))
    #expect(drill["name"] as? String == "ART0001.jpg")
    let sha = try #require(drill["sha256"] as? String)
    #expect(drill["file"] as? String == "pictures/\(sha).jpg")
    #expect(
      try FileInspection.sha256(path: "\(root.layout.outSalesManagement)/pictures/\(sha).jpg")
        == sha)
    #expect(try picture(in: first, of: "ART0007") != nil)  // no path: found by its code

    // A new price, the same picture: the product travels, the picture does not.
    try Data("changed".utf8).write(
      to: URL(fileURLWithPath: "\(root.layout.sageImages)/ART0003.png"))
    try root.drop(
      try SageSamples.edited(
        SageSamples.articles, key: "Code",
        changing: ["ART0001": ["Prix de vente HT": "199,00"]]), as: "articles.txt")
    let second = try #require(try root.runOnce().first)
    let payload = try #require(second.outputs.first { $0.hasSuffix("-products.json") })
    #expect(try root.operations(payload).map(\.extId) == ["ART0001", "ART0003"])
    #expect(try picture(in: payload, of: "ART0001") == nil)
    #expect(try picture(in: payload, of: "ART0003")?["sha256"] as? String != nil)
  }

  @Test func invoicesCarryTheirLinesAndCreditNotesAreNegative() throws {
    let root = try TestRoot()
    try root.drop(sample: TestFiles.sample(SageSamples.customers))
    try root.drop(sample: TestFiles.sample(SageSamples.invoices))
    let outcomes = try root.runOnce()
    let payload = try #require(outcomes[1].outputs.first { $0.hasSuffix("-sales.json") })
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: payload)))
    let operations = try #require((json as? [String: Any])?["operations"] as? [[String: Any]])
    #expect(operations.count == 12)
    let credit = try #require(operations.first { $0["extId"] as? String == "AV000007" })
    let creditData = try #require(credit["data"] as? [String: Any])
    #expect((creditData["total"] as? Double ?? 0) < 0)
    #expect((creditData["Z_TOTAL_TTC"] as? Double ?? 0) == -487.41)
    let invoice = try #require(operations.first { $0["extId"] as? String == "FA000127" })
    let lines = try #require(invoice["lines"] as? [[String: Any]])
    #expect(lines.contains { $0["comment"] as? Bool == true })
    let data = try #require(invoice["data"] as? [String: Any])
    #expect(data["accountExtId"] as? String == "C00020")
    #expect(data["date"] as? String == "2026-09-12" || (data["date"] as? String)?.count == 10)
    let sum = lines.compactMap { $0["total"] as? Double }.reduce(0, +)
    #expect(abs(sum - (data["total"] as? Double ?? 0)) < 0.005)
  }

  @Test func pricedQuotesAreMatchedOrKeptForLater() throws {
    let root = try TestRoot()
    try root.drop(sample: TestFiles.sample(SageSamples.customers))
    try SageSamples.registerSentQuotes(in: root)
    try root.drop(sample: TestFiles.sample(SageSamples.quotes))
    let outcomes = try root.runOnce()
    let payload = try #require(outcomes[1].outputs.first { $0.hasSuffix("-salesorders.json") })
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: payload)))
    let operations = try #require((json as? [String: Any])?["operations"] as? [[String: Any]])
    #expect(operations.compactMap { $0["id"] as? Int }.sorted() == [9101, 9102, 9103])
    for operation in operations {
      let data = try #require(operation["data"] as? [String: Any])
      #expect(data["readOnly"] as? Bool == true)
      let lines = try #require(operation["lines"] as? [[String: Any]])
      #expect(lines.allSatisfy { $0["price"] as? Double != nil })
    }
    let status = try StatusReport.load(from: root.layout.manifest)
    #expect(status.quotes["priced"] == 3)
    #expect(status.unmatchedPricedQuotes == 1)
    #expect(status.text.contains("waiting for their SM quote: 1"))
  }

  @Test func theSameContactAlwaysGetsTheSameDerivedId() {
    let first = ContactIdentity.derived(
      company: "C00042", person: PersonName(firstName: "Émilie", lastName: "GIRARD"))
    let second = ContactIdentity.derived(
      company: "C00042",
      person: PersonName(civility: "Mme", firstName: "emilie", lastName: "Girard"))
    let other = ContactIdentity.derived(
      company: "C00043", person: PersonName(firstName: "Émilie", lastName: "GIRARD"))
    #expect(first == second)
    #expect(first != other)
    #expect(first.hasPrefix("C00042.") && first.count == 15)
  }
}

@Suite struct DocumentExportTests {
  /// A documents export written row by row, with the sample's 92 labels.
  static func documents(_ rows: [[String: String]]) throws -> [UInt8] {
    let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.sample(SageSamples.invoices)))
    let text = try #require(String(data: data, encoding: .windowsCP1252))
    let header = String(text.prefix { $0 != "\r\n" })
    let labels = header.components(separatedBy: "\t")
    let lines = [header] + rows.map { row in labels.map { row[$0] ?? "" }.joined(separator: "\t") }
    return Array(
      try #require((lines.joined(separator: "\r\n") + "\r\n").data(using: .windowsCP1252)))
  }

  @Test func ordersAreSkippedAndADocumentDiscountIsApplied() throws {
    let root = try TestRoot()
    try root.drop(sample: TestFiles.sample(SageSamples.customers))
    try root.drop(
      try Self.documents([
        ["Type de Ligne": "L", "Type de pièce": "Facture", "N° pièce": "FA9", "Code article": "X"],
        [
          "Type de Ligne": "E", "Type de pièce": "Bon de commande", "N° pièce": "BC1",
          "Date pièce": "02/11/2026", "Code client": "C00004",
        ],
        ["Type de Ligne": "L", "N° pièce": "BC1", "Code article": "A", "Quantité": "1"],
        [
          "Type de Ligne": "E", "Type de pièce": "Facture", "N° pièce": "FA1",
          "Date pièce": "03/11/2026", "Code client": "C00004", "Taux remise pièce": "10",
          "Mt total TTC": "108,00",
        ],
        [
          "Type de Ligne": "L", "Type de pièce": "Facture", "N° pièce": "FA1",
          "Code article": "A", "Quantité": "2", "PU HT": "50,00", "Taux TVA": "20",
        ],
      ]), as: "documents.txt")
    let outcome = try #require(try root.runOnce().last)
    #expect(outcome.entity == "documents")
    let report = try #require(outcome.outputs.first { $0.hasSuffix(".rejects.csv") })
    let rows = try root.reportRows(report).map { "\($0[0]) \($0[1]) \($0[4])" }
    #expect(rows == ["2 FA9 missing-key", "3 BC1 not-synchronised"])
    let payload = try #require(outcome.outputs.first { $0.hasSuffix("-sales.json") })
    let sale = try #require(try root.operations(payload).first)
    #expect(sale.extId == "FA1")
    #expect(sale.data?["total"] as? Double == 90)
    #expect(sale.data?["Z_TOTAL_TVA"] as? Double == 18)
    #expect(sale.data?["Z_TOTAL_TTC"] as? Double == 108)
  }

  @Test func lineAmountsAndVATFollowFrenchRounding() {
    func line(_ quantity: String, _ price: String, rate: String, discount: String = "0")
      -> DocumentLine
    {
      DocumentLine(
        line: 2, number: "F", article: "A", description: "", unit: "",
        quantity: Decimal(string: quantity)!, unitPrice: Decimal(string: price)!, unitDiscount: 0,
        discountRate: Decimal(string: discount)!, vatRate: Decimal(string: rate)!,
        isComment: false, order: nil, issues: [])
    }
    let header = DocumentHeader(
      line: 1, number: "F", kind: .invoice, kindText: "Facture", date: "2026-11-01",
      customer: "C", representative: "", reference: "", remark: "", dueDate: "",
      paymentMode: "", quoteStatus: "", validated: true, settled: false, discountRate: nil,
      discountAmount: nil, totalWithTax: nil, issues: [])
    // 8.332 × 13.90 = 115.8148 → 115.81; VAT at 5.5 % on the sum per rate.
    let totals = DocumentTotals.compute(
      [
        line("8.332", "13.90", rate: "5.5"), line("3", "0.335", rate: "5.5"),
        line("1", "10", rate: "20", discount: "12.5"),
      ], header: header)
    #expect(totals.withoutTax == Decimal(string: "125.57")!)  // 115.81 + 1.01 + 8.75
    // 6.43 (of 116.82) + 1.75 (of 8.75), rounded per rate.
    #expect(totals.tax == Decimal(string: "8.18")!)
  }
}
