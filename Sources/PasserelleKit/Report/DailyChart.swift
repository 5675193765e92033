import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput

/// Rows sent, unchanged and rejected per day over the last 30 days: one stacked
/// bar per UTC day, drawn as inline SVG (no script, prints as it shows).
package enum DailyChart {
  /// The days the chart shows, today included.
  package static let dayCount = 30

  /// The first UTC day (`yyyy-mm-dd`) of the 30 that end with `today`.
  package static func firstDay(endingOn today: Date) -> String {
    day(today.addingTimeInterval(-Double(dayCount - 1) * 86_400))
  }

  /// The 30 consecutive UTC days ending with `today`, oldest first, each with the
  /// rows of `days` on that day (zero when none); rows of other days are left out.
  package static func buckets(_ days: [ReportSnapshot.Day], endingOn today: Date)
    -> [ReportSnapshot.Day]
  {
    let counted = Dictionary(days.map { ($0.day, $0) }) { first, _ in first }
    return (0..<dayCount).map { offset in
      let name = day(today.addingTimeInterval(-Double(dayCount - 1 - offset) * 86_400))
      return counted[name] ?? ReportSnapshot.Day(day: name, sent: 0, unchanged: 0, rejected: 0)
    }
  }

  private static func day(_ date: Date) -> String { String(Timestamp.iso(date).prefix(10)) }

  // MARK: Drawing

  static let barStep = 22.0
  static let barWidth = 16.0
  static let left = 56.0
  static let top = 12.0
  static let plotHeight = 160.0
  static let colours = (sent: "#2e7d32", unchanged: "#9e9e9e", rejected: "#c62828")

  /// The chart as an `svg` element; the bars carry their counts as tooltips.
  static func draw(_ buckets: [ReportSnapshot.Day], text: ReportText, into html: inout HTMLBuilder)
  {
    let highest = max(1, buckets.map { $0.sent + $0.unchanged + $0.rejected }.max() ?? 1)
    let width = left + barStep * Double(buckets.count) + 8
    let height = top + plotHeight + 28
    html.open(
      "svg",
      [
        "viewBox": "0 0 \(width) \(height)",
        "width": "\(Int(width))", "height": "\(Int(height))", "role": "img",
        "aria-label": text.chartTitle, "class": "chart",
      ])
    axis(highest: highest, width: width, text: text, into: &html)
    for (index, bucket) in buckets.enumerated() {
      bar(bucket, at: left + barStep * Double(index) + 3, highest: highest, text: text, into: &html)
      if index % 5 == 0 || index == buckets.count - 1 {
        html.element(
          "text",
          [
            "x": "\(left + barStep * Double(index) + 3)", "y": "\(top + plotHeight + 18)",
            "class": "day",
          ], text: text.dayLabel(bucket.day))
      }
    }
    html.close("svg")
  }

  /// The base line and the scale: zero, half and the highest day.
  private static func axis(
    highest: Int, width: Double, text: ReportText, into html: inout HTMLBuilder
  ) {
    for share in highest > 1 ? [0.0, 0.5, 1.0] : [0.0, 1.0] {
      let y = top + plotHeight * (1 - share)
      html.element(
        "line",
        ["x1": "\(left - 4)", "y1": "\(y)", "x2": "\(width - 4)", "y2": "\(y)", "class": "grid"],
        text: "")
      html.element(
        "text", ["x": "\(left - 8)", "y": "\(y + 4)", "class": "scale"],
        text: text.number(Int((Double(highest) * share).rounded())))
    }
  }

  /// One day's bar: sent at the bottom, then unchanged, then rejected on top; a
  /// count above zero shows at least a sliver.
  private static func bar(
    _ bucket: ReportSnapshot.Day, at x: Double, highest: Int, text: ReportText,
    into html: inout HTMLBuilder
  ) {
    var base = top + plotHeight
    for (count, colour, label) in [
      (bucket.sent, colours.sent, text.sent), (bucket.unchanged, colours.unchanged, text.unchanged),
      (bucket.rejected, colours.rejected, text.rejected),
    ] where count > 0 {
      let height = max(1.5, plotHeight * Double(count) / Double(highest))
      base -= height
      html.element(
        "rect",
        [
          "x": "\(x)", "y": "\(base)", "width": "\(barWidth)", "height": "\(height)",
          "fill": colour,
        ]
      ) { html in
        html.element("title", text: text.tip(day: bucket.day, label, count))
      }
    }
  }
}
