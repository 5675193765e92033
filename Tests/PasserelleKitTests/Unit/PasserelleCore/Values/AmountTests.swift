import Testing

@testable import PasserelleCore

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

  /// The plain forms are read in place, to the value the full reading gives.
  @Test(arguments: [
    "12", "-3", "+4", "12,5", "-12,50", "0,125", ",5", "-,5", "007,10", "1.5", "0,0000005",
    "-0,0000005", "0,00000049", "999999999,999999", "-0,00",
  ])
  func plainFormsAreReadAsTheFrenchReadingReadsThem(text: String) {
    let plain = Array(text.utf8).withUnsafeBytes { Amount(plainFrench: $0) }
    #expect(plain != nil && plain == Amount(french: text))
  }

  /// Everything else is left to the full reading: grouped or padded forms it reads,
  /// and what is not a number or too large, which it refuses.
  @Test(arguments: [
    "1 234,56", "1.234,5", "000000000000000000001", "1000000000", "12,", "-", "+", ",", "",
    "1,2,3", "12a", "1e5", "--1",
  ])
  func otherFormsAreLeftToTheFrenchReading(text: String) {
    #expect(Array(text.utf8).withUnsafeBytes { Amount(plainFrench: $0) } == nil)
  }

  /// Digit by digit, so that leading zeros come up on both sides of the comma.
  @Test func plainReadingAgreesOnGeneratedAmounts() {
    let seed = TestSeed.draw(for: #function)
    var generator = SeededGenerator(seed: seed)
    func digits(_ count: ClosedRange<Int>) -> String {
      String(
        (0..<Int.random(in: count, using: &generator)).map { _ in
          Character(String(Int.random(in: 0...9, using: &generator)))
        })
    }
    for _ in 0..<20_000 {
      let integer = digits(0...9)
      let fraction = digits(integer.isEmpty ? 1...8 : 0...8)
      let sign = ["", "-", "+"].randomElement(using: &generator)!
      let text = sign + integer + (fraction.isEmpty ? "" : "," + fraction)
      let plain = Array(text.utf8).withUnsafeBytes { Amount(plainFrench: $0) }
      #expect(plain != nil && plain == Amount(french: text), "seed \(seed): \(text)")
    }
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

  /// Literals are written in 64-bit arithmetic when the value fits: they must read as
  /// the 128-bit way writes them, at every magnitude and fraction, either sign.
  @Test func literalsIn64BitsMatchThe128BitWay() {
    var generator = SystemRandomNumberGenerator()
    var values: [Int128] = [0, 1, -1, 10, 999_999, 1_000_000, -1_000_000, 1_500_000, 120_000]
    values += [Int128(Int64.max), Int128(Int64.min), Int128(Int64.min) + 1, Int128(Int64.max) + 1]
    values += [Int128(Int64.min) - 1, 999_999_999_999_999_999 * 1_000, -(Int128(1) << 100)]
    for _ in 0..<20_000 {
      // Any number of digits, and fractions with trailing zeros as often as not.
      let digits = Int.random(in: 0...18, using: &generator)
      var magnitude = Int128(UInt64.random(in: 0...UInt64.max, using: &generator))
      for _ in 0..<(18 - digits) { magnitude /= 10 }
      if Bool.random(using: &generator) { magnitude = magnitude / 1_000 * 1_000 }
      values.append(Bool.random(using: &generator) ? magnitude : -magnitude)
    }
    for units in values {
      let amount = Amount(units: units)
      #expect(amount.literal == amount.literalIn128Bits, "\(units)")
    }
    #expect(Amount(units: 1_230_000).literal == "1.23")
    #expect(Amount(units: -5_000_000).literal == "-5")
    #expect(Amount(units: 1_000).literal == "0.001")
  }
}
