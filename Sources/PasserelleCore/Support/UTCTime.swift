import Foundation

/// A moment's date and time of day in UTC, in the Gregorian calendar (before 1582
/// too), to the second.
///
/// Worked out from the seconds since 1970 rather than through `Calendar`, whose
/// first use in a process (time zone and calendar data) cost more than the rest
/// of writing a batch's times.
package struct UTCTime: Equatable, Sendable {
  package var year: Int
  package var month: Int
  package var day: Int
  package var hour: Int
  package var minute: Int
  package var second: Int

  /// The second that holds `date` (fractions dropped, towards the past).
  package init(_ date: Date) {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let secondOfDay = Self.floorRemainder(seconds, 86_400)
    (year, month, day) = Self.civilDate(days: (seconds - secondOfDay) / 86_400)
    hour = secondOfDay / 3_600
    minute = secondOfDay % 3_600 / 60
    second = secondOfDay % 60
  }

  /// The date `days` days after 1 January 1970. The calendar repeats every 400
  /// years (146,097 days); counted from 1 March, a leap day ends each year, so
  /// that months fall at fixed offsets of the year.
  private static func civilDate(days: Int) -> (year: Int, month: Int, day: Int) {
    let fromMarchOfYear0 = days + 719_468
    let era = (fromMarchOfYear0 - floorRemainder(fromMarchOfYear0, 146_097)) / 146_097
    let dayOfEra = fromMarchOfYear0 - era * 146_097
    let yearOfEra =
      (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthFromMarch = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
    let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// The remainder of `value / divisor` taken towards minus infinity: never negative.
  private static func floorRemainder(_ value: Int, _ divisor: Int) -> Int {
    let remainder = value % divisor
    return remainder < 0 ? remainder + divisor : remainder
  }
}
