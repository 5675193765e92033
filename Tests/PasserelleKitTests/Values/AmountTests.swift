import Testing

@testable import PasserelleKit

@Suite struct AmountTests {
  @Test(arguments: [
    ("12.5", "12.5"), ("-3", "-3"), ("0.125", "0.125"), ("1234567.891", "1234567.891"),
    ("0.0000005", "0.000001"), ("-0.0000005", "-0.000001"), ("0.0000004", "0"),
    ("007.10", "7.1"), ("999999999.999999", "999999999.999999"),
  ])
  func readsAndWritesLiterals(text: String, literal: String) throws {
    #expect(try #require(Amount(literal: text)).literal == literal)
  }

  @Test(arguments: ["", "-", ".", "1.2.3", "12a", "--1", "1-", "1000000000", "1e5"])
  func refusesWhatIsNotANumberOrTooLarge(text: String) {
    #expect(Amount(literal: text) == nil)
  }

  @Test func readsFrenchNumbers() {
    #expect(Amount(french: "1 234,56")?.literal == "1234.56")
    #expect(Amount(french: "12,5O") == nil)
  }

  /// Half a cent goes away from zero, as invoices round.
  @Test(arguments: [
    ("0.335", "3", "100", "1.01"), ("-0.335", "3", "100", "-1.01"), ("10", "1", "87.5", "8.75"),
    ("13.90", "8.332", "100", "115.81"), ("0.005", "1", "100", "0.01"), ("0.004", "1", "100", "0"),
    ("999999999", "999999999", "100", "999999998000000001"),
  ])
  func productsRoundOnceToTheCent(price: String, quantity: String, percent: String, cents: String)
    throws
  {
    let amount = try #require(Amount(literal: price)).times(
      try #require(Amount(literal: quantity)), percent: try #require(Amount(literal: percent)),
      places: 2)
    #expect(amount.literal == cents)
  }

  @Test func sharesAreRoundedToTheCent() throws {
    let part = Amount(10).scaled(by: Amount(1), over: Amount(3), places: 2)
    #expect(part.literal == "3.33")
    #expect((-Amount(10)).scaled(by: Amount(2), over: Amount(3), places: 2).literal == "-6.67")
    #expect(Amount(10).scaled(by: Amount(1), over: .zero, places: 2) == Amount(10))
  }
}
