import Foundation
import Testing

@testable import PasserelleCore

@Suite struct UTCTimeTests {
  private let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()

  /// What Foundation's Gregorian calendar in UTC says of the same moment.
  private func calendarTime(_ date: Date) -> UTCTime {
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second], from: date)
    var time = UTCTime(Date(timeIntervalSince1970: 0))
    (time.year, time.month, time.day) = (parts.year!, parts.month!, parts.day!)
    (time.hour, time.minute, time.second) = (parts.hour!, parts.minute!, parts.second!)
    return time
  }

  @Test(arguments: [
    0.0, -1, -86_400, -0.5, 59.999, 951_782_400, 951_868_799, 4_107_542_400, 4_107_455_999,
    1_796_083_199, 1_796_083_200, 253_402_300_799, -2_208_988_800,
  ])
  func aMomentFallsOnTheDayAndSecondTheCalendarGivesIt(_ seconds: TimeInterval) {
    let date = Date(timeIntervalSince1970: seconds)
    #expect(UTCTime(date) == calendarTime(date))
  }

  @Test func everyDayOfFourCenturiesMatchesTheCalendar() {
    // A moment every third day, at a different time of day each, from 1900 to 2300.
    var seconds = -2_208_988_800
    var mismatches: [Int] = []
    while seconds < 10_413_792_000 {
      let date = Date(timeIntervalSince1970: TimeInterval(seconds))
      if UTCTime(date) != calendarTime(date) { mismatches.append(seconds) }
      seconds += 3 * 86_400 + 4_001
    }
    #expect(mismatches.isEmpty)
  }

  @Test func timestampsAreWrittenInTheirThreeForms() {
    let date = Date(timeIntervalSince1970: 1_796_120_105.75)
    #expect(Timestamp.iso(date) == "2026-12-01T10:15:05Z")
    #expect(Timestamp.compact(date) == "20261201-101505")
    #expect(Timestamp.french(date) == "01/12/2026")
    // Before 1582 too the Gregorian calendar is used (Foundation's switches to the Julian).
    #expect(Timestamp.iso(Date(timeIntervalSince1970: -62_135_596_800)) == "0001-01-01T00:00:00Z")
  }
}
