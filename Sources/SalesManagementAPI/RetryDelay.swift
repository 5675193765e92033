import Foundation

/// How long to wait before the next try of a failing call.
enum RetryDelay {
  /// Exponential backoff with full jitter: a random wait up to `initial × 2^(try − 1)`,
  /// capped at `maximum`, so that many clients failing together do not retry together.
  static func backoff(afterTry tryNumber: Int, initial: Duration, maximum: Duration) -> Duration {
    let doublings = min(max(0, tryNumber - 1), 30)
    let ceiling = min(maximum, initial * (1 << doublings))
    let ceilingSeconds = seconds(ceiling)
    guard ceilingSeconds > 0 else { return .zero }
    return .seconds(Double.random(in: 0...ceilingSeconds))
  }

  /// The wait a `Retry-After` header asks for (whole seconds or an HTTP date), capped at
  /// `maximum`; nil when the header is absent or unreadable.
  static func retryAfter(_ header: String?, maximum: Duration, now: Date = Date()) -> Duration? {
    guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
      return nil
    }
    if let wholeSeconds = Int(text), wholeSeconds >= 0 {
      return min(maximum, .seconds(wholeSeconds))
    }
    guard let date = httpDate(text) else { return nil }
    return min(maximum, .seconds(max(0, date.timeIntervalSince(now))))
  }

  /// An IMF-fixdate such as `Sun, 06 Nov 1994 08:49:37 GMT`.
  private static func httpDate(_ text: String) -> Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    return formatter.date(from: text)
  }

  /// `duration` in seconds.
  static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
