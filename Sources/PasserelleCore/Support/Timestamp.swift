import Foundation

/// Dates as Passerelle writes them, always in UTC.
package enum Timestamp {
  /// ISO-8601 UTC with seconds ("2026-11-28T10:15:00Z"), as in payloads.
  package static func iso(_ date: Date) -> String {
    let time = UTCTime(date)
    return
      "\(digits(time.year, 4))-\(digits(time.month))-\(digits(time.day))T"
      + "\(digits(time.hour)):\(digits(time.minute)):\(digits(time.second))Z"
  }

  /// The UTC day as Sage files write dates ("28/11/2026").
  package static func french(_ date: Date) -> String {
    let time = UTCTime(date)
    return "\(digits(time.day))/\(digits(time.month))/\(digits(time.year, 4))"
  }

  /// Compact form for batch ids ("20261128-101500").
  package static func compact(_ date: Date) -> String {
    let time = UTCTime(date)
    return
      "\(digits(time.year, 4))\(digits(time.month))\(digits(time.day))-"
      + "\(digits(time.hour))\(digits(time.minute))\(digits(time.second))"
  }

  /// An ISO-8601 time as SM writes it, with or without fractions of a second.
  package static func parse(_ text: String) -> Date? {
    if let date = try? Date(text, strategy: .iso8601) { return date }
    return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
  }

  private static func digits(_ value: Int, _ width: Int = 2) -> String {
    DecimalText.zeroPadded(value, width: width)
  }
}
