/// SM's answer to one try, read whole.
struct HTTPAnswer: Sendable {
  /// The HTTP status code.
  let status: Int
  /// The headers, names lowercased.
  let headers: [String: String]
  /// The body's bytes.
  let body: [UInt8]

  /// The value of header `name`, whatever its case.
  func header(_ name: String) -> String? { headers[name.lowercased()] }
}
