import Foundation
import Testing

@testable import PasserelleCore
@testable import SalesManagementToSage

/// One `salesorders` record of a Sales Management file, read (`docs/exchange-contract.md`).
@Suite struct SalesManagementQuoteTests {
  static func quote(_ json: String, line: Int = 3) throws -> SalesManagementQuote {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    return SalesManagementQuote(object, line: line)
  }

  static func summary(_ quote: SalesManagementQuote) -> [String] {
    quote.issues.map { "\($0.severity.rawValue) \($0.code.rawValue) \($0.field)" }
  }

  @Test func aWholeQuoteIsReadWithItsLinesInOrder() throws {
    let quote = try Self.quote(
      """
      {"id": 9101, "reference": " SM-Q-000101 ", "number": "D-17", "accountExtId": "C00004",
       "salesRepId": {"id": 3, "value": "Sophie LAMBERT"}, "comment": " Livraison lundi\\n",
       "dateCreated": "2026-11-28T10:15:00Z",
       "lines": [
         {"productExtId": "ART0001", "quantity": 2, "order": 2},
         {"productId": 17, "quantity": "1,5", "description": "Farine", "order": 1}]}
      """)
    #expect(Self.summary(quote).isEmpty)
    #expect(quote.line == 3)
    #expect(quote.id == 9101)
    #expect(quote.reference == "SM-Q-000101")
    #expect(quote.number == "D-17")
    #expect(quote.account == .extId("C00004"))
    #expect(quote.salesRep == .id(3))
    #expect(quote.comment == "Livraison lundi")
    #expect(quote.dateText == "2026-11-28T10:15:00Z")
    #expect(quote.date == "28/11/2026")
    #expect(!quote.deleted)
    #expect(quote.lines.map(\.product) == [.id(17), .extId("ART0001")])
    #expect(quote.lines.map(\.quantity.literal) == ["1.5", "2"])
    #expect(quote.lines.map(\.description) == ["Farine", ""])
    #expect(quote.lines.map(\.order) == [1, 2])
  }

  /// The key of the round trip is the reference, else `SM-` and SM's id.
  @Test func aQuoteWithoutAReferenceIsKeyedBySMsId() throws {
    let quote = try Self.quote(
      #"{"id": 42, "accountId": 5, "lines": [{"productId": 1, "quantity": 1}]}"#)
    #expect(quote.reference == "SM-42")
    #expect(quote.account == .id(5))
    #expect(quote.salesRep == SalesManagementReference.none)
    #expect(quote.lines.first?.order == 1)
    #expect(Self.summary(quote).isEmpty)
  }

  @Test func aQuoteMissingWhatSageNeedsIsRefusedWithEachReason() throws {
    let quote = try Self.quote(
      #"{"lines": [{"quantity": 0}, {"productId": 2, "quantity": "beaucoup"}]}"#)
    #expect(
      Self.summary(quote) == [
        "error missing-key reference", "error missing-required accountId",
        "error missing-required lines[0].productId", "error bad-number lines[0].quantity",
        "error bad-number lines[1].quantity",
      ])
    #expect(quote.issues.allSatisfy { $0.line == 3 })
    let empty = try Self.quote(#"{"reference": "R1", "accountExtId": "C1", "lines": []}"#)
    #expect(Self.summary(empty) == ["error missing-required lines"])
  }

  /// A deleted quote needs only its key.
  @Test func aDeletedQuoteNeedsOnlyItsKey() throws {
    let quote = try Self.quote(#"{"reference": "SM-Q-9", "deleted": true}"#)
    #expect(quote.deleted)
    #expect(Self.summary(quote).isEmpty)
  }

  @Test(arguments: [
    ("2026-02-29T10:00:00Z", ""), ("2028-02-29", "29/02/2028"), ("28/11/2026", ""), ("", ""),
  ])
  func onlyARealDateBecomesASageDate(iso: String, expected: String) throws {
    let quote = try Self.quote(
      #"{"reference": "R", "accountId": 1, "dateCreated": "\#(iso)", "lines": [{"productId": 1, "quantity": 1}]}"#
    )
    #expect(quote.date == expected)
  }

  /// The fingerprint is what SM sent, not how it wrote it.
  @Test func theCanonicalFormIgnoresSpellingButNotContent() throws {
    let first = try Self.quote(
      #"{"reference": "R", "accountExtId": "C1", "lines": [{"productExtId": "A", "quantity": 2}]}"#)
    let respelled = try Self.quote(
      #"{"lines": [{"quantity": "2,00", "productExtId": " A "}], "accountExtId": "C1", "reference": "R"}"#
    )
    let changed = try Self.quote(
      #"{"reference": "R", "accountExtId": "C1", "lines": [{"productExtId": "A", "quantity": 3}]}"#)
    #expect(first.canonical == respelled.canonical)
    #expect(first.canonical != changed.canonical)
  }
}
