import Foundation

/// Dates as Passerelle writes them, always in UTC.
package enum Timestamp {
  /// ISO-8601 UTC with seconds ("2026-11-28T10:15:00Z"), as in payloads.
  package static func iso(_ date: Date) -> String {
    let parts = utcParts(date)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year!, parts.month!, parts.day!,
      parts.hour!, parts.minute!, parts.second!)
  }

  /// The UTC day as Sage files write dates ("28/11/2026").
  package static func french(_ date: Date) -> String {
    let parts = utcParts(date)
    return String(format: "%02d/%02d/%04d", parts.day!, parts.month!, parts.year!)
  }

  /// Compact form for batch ids ("20261128-101500").
  package static func compact(_ date: Date) -> String {
    let parts = utcParts(date)
    return String(
      format: "%04d%02d%02d-%02d%02d%02d", parts.year!, parts.month!, parts.day!, parts.hour!,
      parts.minute!, parts.second!)
  }

  /// An ISO-8601 time as SM writes it, with or without fractions of a second.
  package static func parse(_ text: String) -> Date? {
    if let date = try? Date(text, strategy: .iso8601) { return date }
    return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
  }

  private static func utcParts(_ date: Date) -> DateComponents {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
  }
}
