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

/// Sales Management → Sage: quotes become a Sage quote import, and Sage's priced
/// quotes come back to SM as read-only updates.
@Suite struct QuoteRoundTripTests {
  static let quotesSample = TestFiles.repository.appendingPathComponent(
    "samples/salesmanagement/salesorders-2026-10.json"
  ).path

  /// A root where the representatives, customers and articles SM quotes name are known.
  static func root(_ name: String = #function) throws -> TestRoot {
    let root = try TestRoot(name)
    try root.drop(sample: TestFiles.sample(SageSamples.representatives))
    try root.drop(sample: TestFiles.sample(SageSamples.customers))
    try root.drop(sample: TestFiles.sample(SageSamples.articles))
    _ = try root.runOnce()
    return root
  }

  static func dropQuotes(_ root: TestRoot, path: String = quotesSample, as name: String? = nil)
    throws
  {
    let target =
      "\(root.layout.watchSalesManagement)/\(name ?? (path as NSString).lastPathComponent)"
    try FileManager.default.copyItem(atPath: path, toPath: target)
  }

  @Test func smQuotesBecomeTheGoldenSageImportAndEachBadQuoteIsReported() throws {
    let root = try Self.root()
    root.clock = { Date(timeIntervalSince1970: 1_795_000_000) }
    try Self.dropQuotes(root)
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.entity == "salesorders")
    #expect(outcome.counts.read == 6)
    #expect(outcome.counts.emitted == 3)
    #expect(outcome.counts.rejected == 2)
    let sageImport = try #require(outcome.outputs.first { $0.hasSuffix("-devis.txt") })
    #expect(sageImport.hasPrefix(root.layout.outSage + "/"))
    try Golden.checkBytes(
      Array(try Data(contentsOf: URL(fileURLWithPath: sageImport))),
      named: "salesorders-2026-10.devis.txt")
    let report = try #require(outcome.outputs.first { $0.hasSuffix(".rejects.csv") })
    let reported = try root.reportRows(report).map { "\($0[0]) \($0[1]) \($0[4])" }.sorted()
    let expected = try TestFiles.expectedBadRows(of: "salesorders-2026-10.json").map {
      "\($0.line) \($0.key) \($0.code)"
    }.sorted()
    #expect(reported == expected)
    let status = try StatusReport.load(from: root.layout.manifest)
    #expect(status.pendingQuotes == 3)
  }

  /// The whole loop through `run --once`: SM quote → Sage devis import → Sage's
  /// priced quote export → SM update with prices and `readOnly: true`.
  @Test func theQuoteRoundTrip() throws {
    let root = try Self.root()
    try Self.dropQuotes(root)
    _ = try root.runOnce()
    try root.drop(sample: TestFiles.sample(SageSamples.quotes))
    let priced = try #require(try root.runOnce().first)
    let payload = try #require(priced.outputs.first { $0.hasSuffix("-salesorders.json") })
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: payload)))
    let operations = try #require((json as? [String: Any])?["operations"] as? [[String: Any]])
    #expect(operations.compactMap { $0["id"] as? Int }.sorted() == [9101, 9102, 9103])
    let first = try #require(operations.first { $0["id"] as? Int == 9101 })
    let data = try #require(first["data"] as? [String: Any])
    #expect(data["readOnly"] as? Bool == true)
    #expect(data["reference"] as? String == "SM-Q-000101")
    #expect(data["Z_TOTAL_TTC"] as? Double == 359.36)
    let lines = try #require(first["lines"] as? [[String: Any]])
    #expect(lines.map { $0["productExtId"] as? String } == ["ART0007", "ART0006", "ART0024"])
    #expect(lines.allSatisfy { ($0["price"] as? Double ?? 0) > 0 })
    let status = try StatusReport.load(from: root.layout.manifest)
    #expect(status.pendingQuotes == 0)
    #expect(status.quotes["priced"] == 3)
    #expect(status.unmatchedPricedQuotes == 1)  // SM-Q-999999 came from nowhere
  }

  /// Sage may price a quote before its SM file is processed: it waits, then goes.
  @Test func aPricedQuoteWaitingForItsSMQuoteIsReleasedByIt() throws {
    let root = try Self.root()
    try root.drop(sample: TestFiles.sample(SageSamples.quotes))
    let early = try #require(try root.runOnce().first)
    #expect(early.state == .done)
    #expect(early.counts.unchanged == 4)  // all four wait for their SM quote
    #expect(!early.outputs.contains { $0.hasSuffix("-salesorders.json") })
    try Self.dropQuotes(root)
    let outcome = try #require(try root.runOnce().first)
    // Sage already holds these quotes: nothing is imported into it a second time.
    #expect(!outcome.outputs.contains { $0.hasSuffix("-devis.txt") })
    let payload = try #require(outcome.outputs.first { $0.hasSuffix("-salesorders.json") })
    let operations = try root.operations(payload)
    #expect(operations.map(\.extId) == ["DE000041", "DE000042", "DE000043"])
    #expect(operations.allSatisfy { $0.data?["readOnly"] as? Bool == true })
    #expect(try StatusReport.load(from: root.layout.manifest).quotes["priced"] == 3)
    // Sage's next export of the same priced quotes sends nothing again.
    let devis = try Data(contentsOf: URL(fileURLWithPath: TestFiles.sample(SageSamples.quotes)))
    try root.drop(Array(devis) + [0x0D, 0x0A], as: "devis-again.txt")
    let again = try #require(try root.runOnce().first)
    #expect(again.state == .done)
    #expect(again.counts.emitted == 0)
    #expect(!again.outputs.contains { $0.hasSuffix("-salesorders.json") })
  }

  static let oneQuote = """
    {"reference": "R1", "accountExtId": "C00004", "lines": [{"productExtId": "ART0001", "quantity": 2}]}
    """

  @Test func aReferenceGivenTwiceRejectsBothQuotes() throws {
    let root = try Self.root()
    try TestFiles.write(
      "[\n\(Self.oneQuote),\n\(Self.oneQuote)\n]",
      to: "\(root.layout.watchSalesManagement)/salesorders-twice.json")
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.counts.rejected == 2)
    #expect(!outcome.outputs.contains { $0.hasSuffix("-devis.txt") })
    let report = try #require(outcome.outputs.first { $0.hasSuffix(".rejects.csv") })
    #expect(
      try root.reportRows(report).map { "\($0[0]) \($0[4])" } == [
        "2 duplicate-key", "3 duplicate-key",
      ])
  }

  @Test(arguments: [
    ("\"reference\": \"R1\"", "\"reference\": \"Ōsaka-1\"", "text-not-representable"),
    ("\"quantity\": 2", "\"quantity\": 0.0004", "bad-number"),
    ("\"quantity\": 2", "\"quantity\": -1", "bad-number"),
  ])
  func aQuoteSageCouldNotHoldAsWrittenIsRefused(from: String, to: String, code: String) throws {
    let root = try Self.root()
    try TestFiles.write(
      "[" + Self.oneQuote.replacingOccurrences(of: from, with: to) + "]",
      to: "\(root.layout.watchSalesManagement)/salesorders-one.json")
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.counts.rejected == 1)
    let report = try #require(outcome.outputs.first { $0.hasSuffix(".rejects.csv") })
    #expect(try root.reportRows(report).map { $0[4] } == [code])
  }

  @Test func eachDropFolderTakesItsOwnKindOfFile() throws {
    let root = try Self.root()
    try FileManager.default.copyItem(
      atPath: TestFiles.sample(SageSamples.customers),
      toPath: "\(root.layout.watchSalesManagement)/clients.txt")
    try FileManager.default.copyItem(
      atPath: Self.quotesSample, toPath: "\(root.layout.watchSage)/salesorders.json")
    let outcomes = try root.runOnce()
    #expect(outcomes.count == 2)
    #expect(outcomes.allSatisfy { $0.state == .rejected })
    let reasons = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.file, $0.reason?.code) })
    #expect(reasons == ["clients.txt": .malformedJSON, "salesorders.json": .unknownEntity])
  }

  @Test func aQuoteSentTwiceIsNotImportedTwice() throws {
    let root = try Self.root()
    try Self.dropQuotes(root)
    _ = try root.runOnce()
    // The same quotes again (another file): nothing new for Sage.
    var text = try String(contentsOfFile: Self.quotesSample, encoding: .utf8)
    try TestFiles.write(text + "\n", to: "\(root.layout.watchSalesManagement)/again.json")
    let again = try #require(try root.runOnce().first)
    #expect(again.state == .done)
    #expect(again.counts.emitted == 0)
    #expect(again.counts.unchanged == 4)  // three quotes and the deleted one
    #expect(!again.outputs.contains { $0.hasSuffix("-devis.txt") })
    // A changed quote cannot be imported again: Sage would hold two.
    text = text.replacingOccurrences(of: "\"quantity\": 6,", with: "\"quantity\": 7,")
    try TestFiles.write(text, to: "\(root.layout.watchSalesManagement)/changed.json")
    let changed = try #require(try root.runOnce().first)
    let report = try #require(changed.outputs.first { $0.hasSuffix(".rejects.csv") })
    #expect(
      try root.reportRows(report).contains { $0[1] == "SM-Q-000101" && $0[4] == "conflict" })
  }

  @Test(arguments: [
    (
      "[{\"id\": 1, \"reference\": \"R1\", \"accountExtId\": \"C00004\", \"lines\": [{\"productExtId\": \"ART0001\", \"quantity\": 2}]}]",
      "salesorders-x.json", 1
    ),
    (
      "{\"records\": [{\"id\": 1, \"reference\": \"R1\", \"accountExtId\": \"C00004\", \"lines\": [{\"productExtId\": \"ART0001\", \"quantity\": 2}]}], \"entity\": \"salesorders\"}",
      "export.json", 1
    ),
    ("\u{FEFF}{\"entity\": \"salesorders\", \"records\": []}", "x.json", 0),
  ])
  func arraysAndWrappersAreRead(text: String, name: String, emitted: Int) throws {
    let root = try Self.root()
    try TestFiles.write(text, to: "\(root.layout.watchSalesManagement)/\(name)")
    let outcome = try #require(try root.runOnce().first)
    if emitted == 0 {
      #expect(outcome.reason?.code == .emptyFile)
    } else {
      #expect(outcome.state == .done)
      #expect(outcome.counts.emitted == emitted)
    }
  }

  @Test(arguments: [
    ("{\"entity\": \"products\", \"records\": [{\"id\": 1}]}", ReasonCode.unknownEntity),
    ("[{\"id\": 1}, 42]", .malformedJSON),
    ("[{\"id\": 1, ", .malformedJSON),
    ("[{\"lines\": " + String(repeating: "[", count: 100), .tooLarge),
    ("{\"entity\": \"nothing\", \"records\": [{\"id\": 1}]}", .unknownEntity),
  ])
  func brokenOrUnsupportedFilesAreSetAside(text: String, code: ReasonCode) throws {
    let root = try Self.root()
    try TestFiles.write(text, to: "\(root.layout.watchSalesManagement)/salesorders-drop.json")
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.state == .rejected)
    #expect(outcome.reason?.code == code, "\(outcome.reason.map { "\($0)" } ?? "")")
  }

  @Test func decomposedAccentsAreComposedFirst() {
    let encoded = SageImportWriter.encode("Cafe\u{0301} cre\u{0300}me")
    #expect(encoded.bytes == [0x43, 0x61, 0x66, 0xE9, 0x20, 0x63, 0x72, 0xE8, 0x6D, 0x65])
    #expect(!encoded.replaced && !encoded.transliterated)
  }

  @Test(arguments: ["[{\"id\": 1}] [{\"id\": 2}]", "[{\"id\": 1}} ", "[{\"id\": 1}] x"])
  func nothingMayFollowOrMismatchTheJSON(text: String) throws {
    let root = try Self.root()
    try TestFiles.write(text, to: "\(root.layout.watchSalesManagement)/salesorders-bad.json")
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.reason?.code == .malformedJSON)
  }

  @Test func textSageCannotHoldIsTransliteratedOrReplaced() {
    let encoded = SageImportWriter.encode("Ōsaka\tœuvre “€” 🍣 東京\r\n")
    #expect(
      encoded.bytes == Array("Osaka ".utf8) + [0x9C] + Array("uvre ".utf8) + [0x93, 0x80, 0x94]
        + Array(" ? ??  ".utf8))
    #expect(encoded.transliterated && encoded.replaced && encoded.flattened)
  }
}
