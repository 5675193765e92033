import Foundation

/// A URL's query parameters, decoded as SM's servers do: `+` is a space (so a `+` in a
/// value, such as a time zone, must be sent as `%2B`), then `%XX` escapes.
struct QueryString: Sendable {
  private var values: [String: String] = [:]

  init(_ query: String?) {
    for pair in (query ?? "").split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = Self.decode(parts[0])
      if values[name] == nil { values[name] = parts.count > 1 ? Self.decode(parts[1]) : "" }
    }
  }

  /// The first value of parameter `name`.
  subscript(name: String) -> String? { values[name] }

  private static func decode(_ part: Substring) -> String {
    let spaced = part.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }
}
