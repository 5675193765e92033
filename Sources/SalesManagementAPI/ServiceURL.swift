import Foundation

/// SM's base URL, checked: HTTPS, or plain HTTP to loopback only.
struct ServiceURL: Sendable {
  /// The base without a trailing slash, such as `https://api.forcemanager.com/api/v4`.
  let base: String

  /// Characters left as they are in a query value: RFC 3986's unreserved ones.
  private static let queryValueAllowed = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

  /// Checks `text`; throws `insecureURL` before any network call.
  init(_ text: String) throws(SalesManagementError) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let components = URLComponents(string: trimmed),
      let scheme = components.scheme?.lowercased(),
      let host = components.host, !host.isEmpty
    else {
      // Not echoed: a mistyped URL may still hold a user name and password.
      throw .insecureURL("not a URL such as https://api.forcemanager.com/api/v4")
    }
    guard components.user == nil, components.password == nil else {
      throw .insecureURL("the URL must not hold a user name or password")
    }
    guard components.query == nil, components.fragment == nil else {
      throw .insecureURL("the URL must not hold a query or fragment (?, #)")
    }
    switch scheme {
    case "https": break
    case "http" where Self.isLoopback(host): break
    case "http":
      throw .insecureURL("plain http:// is allowed to loopback only; use https:// for \(host)")
    default:
      throw .insecureURL("scheme \(scheme):// is not http:// or https://")
    }
    base = trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed
  }

  /// The URL of `path` (starting with `/`) with `query` percent-encoded in order.
  func url(path: String, query: [(String, String)] = []) -> String {
    let encodedPath =
      path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    guard !query.isEmpty else { return base + encodedPath }
    let pairs = query.map { Self.encode($0.0) + "=" + Self.encode($0.1) }
    return base + encodedPath + "?" + pairs.joined(separator: "&")
  }

  /// A query name or value with everything but unreserved characters escaped
  /// (a space is `%20`, a quote `%27`, `+` is `%2B`).
  static func encode(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: queryValueAllowed) ?? text
  }

  /// Whether `host` is this machine: `localhost`, 127.0.0.0/8 or `::1`.
  static func isLoopback(_ host: String) -> Bool {
    let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
    if bare == "localhost" || bare == "::1" || bare == "0:0:0:0:0:0:0:1" { return true }
    let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
    guard octets.count == 4, octets[0] == "127" else { return false }
    return octets.allSatisfy { octet in
      octet.count <= 3 && octet.allSatisfy { $0.isASCII && $0.isNumber } && UInt8(octet) != nil
    }
  }
}
