import Foundation
import Testing

@testable import PasserelleOutput

/// What comes back from SM through the API, with no file moved by hand: a rep's
/// quote to Sage and Sage's prices back to SM; a prospect typed in SM gets its
/// Sage code as `extId` in SM.
@Suite(.serialized) struct RoundTripEndToEndTests {
  /// Quote created in SM → Sage import file → Sage's priced export → the SM quote
  /// read-only, its lines replaced by Sage's priced lines.
  @Test func theQuoteRoundTripThroughTheAPI() async throws {
    let emulator = try EmulatorProcess()
    let root = try ConnectedRoot(emulator)
    let session = try await root.deliverSamples()
    let quote = try await typeQuote(in: session)
    try await root.run("run", "--once")
    let imports = root.root.scratch.files(in: "out/sage").filter { $0.hasSuffix("-devis.txt") }
    let sageImport = try #require(imports.first)
    let text = try #require(
      String(
        data: try Data(
          contentsOf: URL(fileURLWithPath: root.root.scratch.file("out/sage/\(sageImport)"))),
        encoding: .windowsCP1252))
    #expect(text.contains("SM-Q-000101"))
    #expect(root.root.scratch.files(in: "watch/salesmanagement").isEmpty)
    try root.root.drop(sample: TestFiles.sample(SageSamples.quotes))
    try await root.run("run", "--once")
    let priced = try await session.call("GET", "salesorders/\(quote)").object
    #expect(priced["readOnly"] as? Bool == true)
    let lines = try await session.records("salesOrdersLines", where: "salesOrderId=\(quote)")
      .filter { $0["deleted"] as? Bool != true }
    #expect(lines.count == 3)
    #expect(lines.compactMap { $0["price"] as? Double }.sorted() == [8.95, 14.9, 21.5])
    // The e-invoicing extras reach SM: the quote's, and each line's.
    #expect(priced["Z_CADRE_FACTURATION"] as? String == "B1 - Dépôt d'une facture de bien")
    #expect(lines.allSatisfy { $0["Z_CATEGORIE_TVA"] as? String == "S = Taux de TVA standard" })
    // Our own write comes back in the next pull: it is not sent to Sage again.
    try await root.run("run", "--once")
    #expect(
      root.root.scratch.files(in: "out/sage").filter { $0.hasSuffix("-devis.txt") }.count == 1)
  }

  /// SM keeps a quote's lines apart, and adding one leaves the quote's dates as they
  /// were: a quote pulled before its lines is rejected for having none, then comes
  /// again, whole, once they are typed; a line added after it went to Sage is
  /// reported, never dropped in silence.
  @Test func aQuoteComesAgainWhenItsLinesChange() async throws {
    let emulator = try EmulatorProcess()
    let root = try ConnectedRoot(emulator)
    let session = try await root.deliverSamples()
    let account = try await session.id(of: "accounts", extId: "C00005")
    let product = try await session.id(of: "products", extId: "ART0007")
    let quote = try #require(
      try await session.insert(
        "salesorders",
        [["reference": "SM-Q-000102", "accountId": account, "salesRepId": 1, "branchId": 1]]
      ).first)
    try await root.run("run", "--once")
    #expect(try quoteImports(in: root).isEmpty)
    #expect(try rejections(of: "SM-Q-000102", in: root) == ["missing-required"])
    func addLine(order: Int) async throws {
      _ = try await session.insert(
        "salesOrdersLines",
        [["salesOrderId": quote, "productId": product, "quantity": 2, "price": 0, "order": order]])
    }
    try await addLine(order: 1)
    try await root.run("run", "--once")
    let imports = try quoteImports(in: root)
    #expect(imports.count == 1 && imports.allSatisfy { $0.contains("SM-Q-000102") })
    try await root.run("run", "--once")
    #expect(try quoteImports(in: root).count == 1)
    try await addLine(order: 2)
    try await root.run("run", "--once")
    #expect(try quoteImports(in: root).count == 1)
    #expect(try rejections(of: "SM-Q-000102", in: root) == ["conflict", "missing-required"])
  }

  /// An SM that refuses to list quote lines by date still gets its quotes pulled
  /// on their own changes, and the log says what is lost.
  @Test func quotesArePulledWhenSMRefusesToListLinesByDate() async throws {
    let emulator = try EmulatorProcess(["--undated", "salesOrdersLines"])
    let root = try ConnectedRoot(emulator)
    let session = try await root.deliverSamples()
    _ = try await typeQuote(in: session)
    let run = try await root.run("run", "--once")
    let imports = try quoteImports(in: root)
    #expect(imports.count == 1 && imports.allSatisfy { $0.contains("SM-Q-000101") })
    #expect(run.error.contains("SM refuse la liste des lignes de devis modifiées (HTTP 400"))
  }

  /// The texts of the Sage quote imports written so far.
  private func quoteImports(in root: ConnectedRoot) throws -> [String] {
    try root.root.scratch.files(in: "out/sage").filter { $0.hasSuffix("-devis.txt") }.map {
      let data = try Data(
        contentsOf: URL(fileURLWithPath: root.root.scratch.file("out/sage/\($0)")))
      return String(decoding: data, as: UTF8.self)
    }
  }

  /// The reason codes of the reject rows about `reference`, sorted.
  private func rejections(of reference: String, in root: ConnectedRoot) throws -> [String] {
    var codes: [String] = []
    for name in root.root.scratch.files(in: "out/rejects") where name.hasSuffix(".rejects.csv") {
      try RejectReportReader.forEachRow(path: root.root.scratch.file("out/rejects/\(name)")) {
        if $0.key == reference { codes.append($0.code) }
      }
    }
    return codes.sorted()
  }

  /// A rep's quote for Michel Électricité (C00005) with the articles of Sage's DE000041.
  private func typeQuote(in session: EmulatorSession) async throws -> Int {
    let account = try await session.id(of: "accounts", extId: "C00005")
    var products: [Int] = []
    for code in ["ART0007", "ART0006", "ART0024"] {
      products.append(
        try await session.id(of: "products", extId: code))
    }
    let quote = try #require(
      try await session.insert(
        "salesorders",
        [["reference": "SM-Q-000101", "accountId": account, "salesRepId": 1, "branchId": 1]]
      ).first)
    let lines: [[String: Any]] = products.enumerated().map { index, product in
      [
        "salesOrderId": quote, "productId": product, "quantity": [1, 6, 10.64][index],
        "price": 0, "order": index + 1,
      ]
    }
    _ = try await session.insert("salesOrdersLines", lines)
    return quote
  }

  @Test func aProspectCreatedInSMGetsItsSageCodeAsExtId() async throws {
    let emulator = try EmulatorProcess()
    let root = try ConnectedRoot(emulator)
    try await root.run("run", "--once")  // the first pull: SM's changes count from now on
    var session = EmulatorSession(emulator)
    try await session.login()
    let id = try #require(
      try await session.insert(
        "accounts",
        [
          [
            "name": "Boulangerie Neuve", "address1": "1 rue du Four", "postcode": "35000",
            "city": "Rennes", "branchId": 1, "salesRepId1": 1,
          ]
        ]
      ).first)
    try await root.run("run", "--once")
    let prospects = root.root.scratch.files(in: "out/sage").filter { $0.contains("prospect") }
    #expect(!prospects.isEmpty)
    let account = try await session.call("GET", "accounts/\(id)").object
    let code = try #require(account["extId"] as? String)
    #expect(code.hasPrefix("PSM"))
    #expect(try await session.creates("accounts").isEmpty)  // adopted, never created by us
  }
}
