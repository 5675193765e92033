/// A day of the Gregorian calendar, without time or time zone.
package struct CalendarDate: Hashable, Sendable, Comparable {
  let year: Int
  let month: Int
  let day: Int

  /// "2026-11-28".
  package var iso: String {
    Self.formatted((year, 4), (month, 2), (day, 2), separator: ValueBytes.dash)
  }

  /// "28/11/2026".
  var french: String {
    Self.formatted((day, 2), (month, 2), (year, 4), separator: ValueBytes.slash)
  }

  /// Three numbers, each padded to its width, between separators.
  private static func formatted(
    _ first: (Int, width: Int), _ second: (Int, width: Int), _ third: (Int, width: Int),
    separator: UInt8
  ) -> String {
    // A sign and 19 digits for each part at most, and the two separators.
    ScratchBytes.with(capacity: 62) { bytes in
      ValueBytes.appendPadded(first.0, width: first.width, to: &bytes)
      bytes.append(separator)
      ValueBytes.appendPadded(second.0, width: second.width, to: &bytes)
      bytes.append(separator)
      ValueBytes.appendPadded(third.0, width: third.width, to: &bytes)
      return bytes.string
    }
  }

  package static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  static func dayCount(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  package static func isValid(year: Int, month: Int, day: Int) -> Bool {
    guard year >= 1, (1...12).contains(month), day >= 1 else { return false }
    return day <= dayCount(month: month, year: year)
  }
}
