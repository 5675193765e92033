import Foundation
import Testing

@testable import PasserelleCore

struct FrenchValuesTests {
  // MARK: isNone

  @Test(arguments: ["Aucun", "Aucune", "aucun", "AUCUNE", "  Aucun  ", "\u{00A0}aucune\t"])
  func noneWords(text: String) {
    #expect(FrenchValue.isNone(text))
  }

  @Test(arguments: ["", " ", "Aucuns", "Aucu", "Aucun client", "Non", "0", "a ucun"])
  func notNoneWords(text: String) {
    #expect(!FrenchValue.isNone(text))
  }

  // MARK: boolean

  @Test(arguments: [
    ("Oui", true), ("oui", true), ("OUI", true), (" O ", true), ("o", true), ("1", true),
    ("Vrai", true), ("TRUE", true), ("true", true), ("Yes", true),
    ("", false), ("   ", false), ("Non", false), ("NON", false), ("n", false), ("0", false),
    ("Faux", false), ("false", false), ("No", false), ("\u{00A0}non\u{00A0}", false),
  ])
  func booleans(text: String, expected: Bool) {
    #expect(FrenchValue.boolean(text) == expected)
  }

  @Test(arguments: ["2", "Ouii", "peut-être", "x", "oui non", "-1", "01", "vrai!"])
  func notBooleans(text: String) {
    #expect(FrenchValue.boolean(text) == nil)
  }

  // MARK: decimal

  @Test(arguments: [
    ("1234.5", "1234.5"),
    ("1234,5", "1234.5"),
    ("1 234,56", "1234.56"),
    ("1\u{00A0}234,56", "1234.56"),
    ("1\u{202F}234,56", "1234.56"),
    ("12 345 678,9", "12345678.9"),
    ("-12,5", "-12.5"),
    ("+3", "3"),
    ("1.234,56", "1234.56"),
    ("1,234.56", "1234.56"),
    ("1.234.567", "1234567"),
    ("1,234,567", "1234567"),
    ("1.234.567,89", "1234567.89"),
    ("  42  ", "42"),
    ("1 234 ", "1234"),
    ("0", "0"),
    ("-0,0", "0"),
    ("007", "7"),
    ("0,1", "0.1"),
    (",5", "0.5"),
    ("-.25", "-0.25"),
    ("1.234", "1.234"),
    ("1,234", "1.234"),
    ("1 234.5", "1234.5"),
    ("123456789012345678.123456789", "123456789012345678.123456789"),
  ])
  func decimals(text: String, expected: String) throws {
    let expectedValue = try #require(Decimal(string: expected))
    #expect(FrenchValue.decimal(text) == expectedValue)
  }

  @Test func decimalIsExactNotBinary() throws {
    let value = try #require(FrenchValue.decimal("0,1"))
    #expect(value + value + value == Decimal(string: "0.3"))
    #expect(FrenchValue.decimal("1 234,56")?.description == "1234.56")
  }

  @Test(arguments: [
    "", "   ", "abc", "12,3,4", "1 2", "--1", "1.2.3,4,5", "+", "-", ".", ",", "12a", "a12",
    "1e5", "1,2.3,4", "12 34", "1 2345", "1.23.456", "1 234.567.8", "1.234 567", "1,23 4",
    "5.", "5,", "- 12", "12-", "1..2", "1,,2", "1  234", "1\t234", "€12", "12 %",
    "1.234.56", ".1.234", "+-1", "1 234,5 6", "1,234,56",
  ])
  func notDecimals(text: String) {
    #expect(FrenchValue.decimal(text) == nil)
  }

  /// The rule a number literal follows, step by step: leading zeros of the integer
  /// part and trailing zeros of the fraction go, an empty integer part is 0, and
  /// zero has no sign.
  static func referenceLiteral(_ normalised: String) -> String {
    var utf8 = Array(normalised.utf8)
    let negative = utf8.first == UInt8(ascii: "-")
    if negative { utf8.removeFirst() }
    var integer = utf8
    var fraction: [UInt8] = []
    if let dot = utf8.firstIndex(of: UInt8(ascii: ".")) {
      integer = Array(utf8[..<dot])
      fraction = Array(utf8[(dot + 1)...])
    }
    while integer.count > 1 && integer.first == UInt8(ascii: "0") { integer.removeFirst() }
    if integer.isEmpty { integer = [UInt8(ascii: "0")] }
    while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
    var literal = integer
    if !fraction.isEmpty { literal += [UInt8(ascii: ".")] + fraction }
    if negative && literal != [UInt8(ascii: "0")] { literal.insert(UInt8(ascii: "-"), at: 0) }
    return String(decoding: literal, as: UTF8.self)
  }

  @Test func literalsAreCanonicalAsTheRuleSays() {
    var generator = SystemRandomNumberGenerator()
    let digits = Array("0000123456789")
    func run(_ length: Int) -> String {
      String((0..<length).map { _ in digits.randomElement(using: &generator)! })
    }
    var samples = ["0", "-0", "0.0", "-0.0", ".5", "-.5", "007", "1.", "-1.000", "10.010"]
    for _ in 0..<5_000 {
      var text = Bool.random(using: &generator) ? "-" : ""
      text += run(Int.random(in: 0...6, using: &generator))
      if Bool.random(using: &generator) {
        text += "." + run(Int.random(in: 0...6, using: &generator))
      }
      if text.contains(where: \.isNumber) { samples.append(text) }
    }
    for sample in samples {
      #expect(FrenchValue.canonicalLiteral(sample) == Self.referenceLiteral(sample), "\(sample)")
    }
  }

  // MARK: date

  @Test(arguments: [
    ("28/11/2026", 2026, 11, 28),
    ("28/11/26", 2026, 11, 28),
    ("01/01/69", 2069, 1, 1),
    ("01/01/70", 1970, 1, 1),
    ("31/12/99", 1999, 12, 31),
    ("15/06/00", 2000, 6, 15),
    ("1/2/2026", 2026, 2, 1),
    ("28-11-2026", 2026, 11, 28),
    ("28.11.2026", 2026, 11, 28),
    ("2026-11-28", 2026, 11, 28),
    ("2026-1-5", 2026, 1, 5),
    ("  28/11/2026  ", 2026, 11, 28),
    ("28/11/2026 10:15", 2026, 11, 28),
    ("28/11/2026 10:15:30", 2026, 11, 28),
    ("28/11/2026 0:00", 2026, 11, 28),
    ("28/11/2026  23:59:59", 2026, 11, 28),
    ("2026-11-28T10:15:00", 2026, 11, 28),
    ("2026-11-28T10:15:00.123Z", 2026, 11, 28),
    ("2026-11-28 10:15:00", 2026, 11, 28),
    ("29/02/2024", 2024, 2, 29),
    ("29/02/2000", 2000, 2, 29),
    ("30/04/2026", 2026, 4, 30),
    ("31/12/2026", 2026, 12, 31),
  ])
  func dates(text: String, year: Int, month: Int, day: Int) {
    #expect(FrenchValue.date(text) == CalendarDate(year: year, month: month, day: day))
  }

  @Test(arguments: [
    "", "abc", "29/02/2025", "29/02/1900", "31/04/2026", "31/06/2026", "31/09/2026",
    "31/11/2026", "30/02/2024", "32/01/2026", "00/01/2026", "01/00/2026", "28/13/2026",
    "28/11/202", "28/11/20266", "28/11/2", "28/11", "28", "111/11/2026", "28/111/2026",
    "28/11-2026", "28-11/2026", "2026-11-28 garbage", "28/11/2026 25:00", "28/11/2026 10:60",
    "28/11/2026 10", "28/11/2026 10:5", "28/11/2026T", "2026-11-28T",
    "28/11/2026 10:15:61", "0000-01-01", "2026-11-280", "28 11 2026", "28/11/2026x",
    "2026-11-28T10:15Z0",
  ])
  func notDates(text: String) {
    #expect(FrenchValue.date(text) == nil)
  }

  // MARK: CalendarDate

  @Test(arguments: [
    (CalendarDate(year: 2026, month: 11, day: 28), "2026-11-28", "28/11/2026"),
    (CalendarDate(year: 2024, month: 2, day: 9), "2024-02-09", "09/02/2024"),
    (CalendarDate(year: 987, month: 1, day: 1), "0987-01-01", "01/01/0987"),
  ])
  func calendarDateText(date: CalendarDate, iso: String, french: String) {
    #expect(date.iso == iso)
    #expect(date.french == french)
  }

  @Test func calendarDatesOrderByYearThenMonthThenDay() {
    let dates = [
      CalendarDate(year: 2026, month: 1, day: 31),
      CalendarDate(year: 2025, month: 12, day: 31),
      CalendarDate(year: 2026, month: 2, day: 1),
      CalendarDate(year: 2026, month: 1, day: 2),
    ]
    #expect(
      dates.sorted() == [
        CalendarDate(year: 2025, month: 12, day: 31),
        CalendarDate(year: 2026, month: 1, day: 2),
        CalendarDate(year: 2026, month: 1, day: 31),
        CalendarDate(year: 2026, month: 2, day: 1),
      ])
    #expect(!(dates[0] < dates[0]))
  }

  @Test(arguments: [(2024, true), (2025, false), (2000, true), (1900, false), (2100, false)])
  func leapYears(year: Int, isLeap: Bool) {
    #expect(CalendarDate.isLeapYear(year) == isLeap)
  }
}
