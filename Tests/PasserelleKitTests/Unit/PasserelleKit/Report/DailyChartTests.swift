import Foundation
import Testing

@testable import PasserelleKit
@testable import PasserelleManifest
@testable import PasserelleOutput

@Suite struct DailyChartTests {
  /// 2026-12-04T10:00:00Z.
  let today = Date(timeIntervalSince1970: 1_796_378_400)

  @Test func thirtyDaysEndWithTodayZeroFilled() {
    let buckets = DailyChart.buckets(
      [
        ReportSnapshot.Day(day: "2026-11-04", sent: 9, unchanged: 9, rejected: 9),
        ReportSnapshot.Day(day: "2026-11-05", sent: 1, unchanged: 2, rejected: 3),
        ReportSnapshot.Day(day: "2026-11-30", sent: 10, unchanged: 0, rejected: 1),
        ReportSnapshot.Day(day: "2026-12-04", sent: 5, unchanged: 6, rejected: 0),
      ], endingOn: today)
    #expect(buckets.count == 30)
    #expect(buckets.first?.day == "2026-11-05" && buckets.last?.day == "2026-12-04")
    #expect(DailyChart.firstDay(endingOn: today) == "2026-11-05")
    // Consecutive days across the end of the month.
    #expect(buckets[25].day == "2026-11-30" && buckets[26].day == "2026-12-01")
    #expect(
      buckets.first == ReportSnapshot.Day(day: "2026-11-05", sent: 1, unchanged: 2, rejected: 3))
    #expect(buckets[25].sent == 10 && buckets[25].rejected == 1)
    #expect(
      buckets[10] == ReportSnapshot.Day(day: "2026-11-15", sent: 0, unchanged: 0, rejected: 0))
    // The day before the window is left out.
    #expect(buckets.reduce(0) { $0 + $1.sent } == 16)
  }

  @Test func eachDayWithRowsHasItsBarsWithTheirCounts() {
    var days = DailyChart.buckets([], endingOn: today)
    days[29] = ReportSnapshot.Day(day: "2026-12-04", sent: 1_000, unchanged: 0, rejected: 1)
    var html = HTMLBuilder()
    DailyChart.draw(days, text: ReportText(.english), into: &html)
    let svg = html.html
    #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
    #expect(svg.components(separatedBy: "<rect").count - 1 == 2)
    #expect(svg.contains("<title>12-04 — Sent: 1,000</title>"))
    // One rejected row among a thousand still shows.
    #expect(svg.contains("<title>12-04 — Rejected: 1</title>"))
  }
}
