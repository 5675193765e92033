import Testing

@testable import PasserelleCore

@Suite struct DecimalTextTests {
  @Test(arguments: [
    (0.0, 2, "0.00"), (0.004, 2, "0.00"), (0.005, 1, "0.0"), (0.05, 1, "0.1"), (1.999, 2, "2.00"),
    (12.34, 1, "12.3"), (98.765, 0, "99"), (-0.001, 2, "0.00"), (-2.5, 1, "-2.5"),
    (1_048_576.0, 1, "1048576.0"), (3.14159, 4, "3.1416"),
    // A half exactly held by a double goes away from zero (String(format:) went to even).
    (0.125, 2, "0.13"), (2.5, 0, "3"),
  ])
  func aNumberIsRoundedToItsPlaces(_ value: Double, _ places: Int, _ expected: String) {
    #expect(DecimalText.fixed(value, places: places) == expected)
  }

  @Test func aNumberTooLargeToRoundIsWrittenWhole() {
    #expect(DecimalText.fixed(1e20, places: 2) == "1e+20")
    #expect(DecimalText.fixed(.infinity, places: 2) == "inf")
  }

  @Test(arguments: [(7, 2, "07"), (2026, 4, "2026"), (12345, 2, "12345"), (0, 3, "000")])
  func digitsArePaddedWithZeros(_ value: Int, _ width: Int, _ expected: String) {
    #expect(DecimalText.zeroPadded(value, width: width) == expected)
  }
}
