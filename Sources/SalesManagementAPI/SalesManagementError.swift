/// Why a call to SM's API failed, in words IT can act on.
package enum SalesManagementError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The base URL is malformed, or plain HTTP to a host that is not loopback.
  case insecureURL(String)
  /// SM refused the API keys: 401/403 on login, or 401 again right after a fresh login.
  case loginRefused(String)
  /// SM could not be reached or kept failing (connection errors, timeouts, 5xx, 429)
  /// after the bounded retries; never the record's fault.
  case unreachable(String)
  /// SM refused this call's record (a 4xx other than 401 and 429), with its message and,
  /// when the message names one, the field at fault.
  case refused(status: Int, message: String, field: String?)
  /// A create (single or bulk) was sent but its connection failed before SM answered:
  /// SM may or may not have applied it. Not retried, so that no record is made twice:
  /// look for the records (by `extId`) before sending them again.
  case outcomeUnknown(String)
  /// SM answered something its API does not document (wrong shape, not JSON, too large).
  case unexpectedAnswer(String)
  /// The calling task was cancelled before SM answered.
  case cancelled

  /// Whether retrying the same record later may succeed without changing it.
  package var isTransient: Bool {
    switch self {
    case .unreachable, .outcomeUnknown, .cancelled: true
    case .insecureURL, .loginRefused, .refused, .unexpectedAnswer: false
    }
  }

  /// The text without the case's words, as `health.lastError` keeps it.
  var detail: String {
    switch self {
    case .insecureURL(let text), .loginRefused(let text), .unreachable(let text),
      .outcomeUnknown(let text), .unexpectedAnswer(let text):
      text
    case .refused(let status, let message, _): "HTTP \(status): \(message)"
    case .cancelled: "cancelled"
    }
  }

  /// One line for a log or a report; never holds a key, a token or a record's body.
  package var description: String {
    switch self {
    case .insecureURL(let reason): "SM base URL refused: \(reason)"
    case .loginRefused(let reason): "SM login refused: \(reason)"
    case .unreachable(let reason): "SM unreachable: \(reason)"
    case .refused(let status, let message, let field):
      "SM refused the record (HTTP \(status))" + (field.map { ", field \($0)" } ?? "")
        + ": \(message)"
    case .outcomeUnknown(let reason): "SM's answer was lost: \(reason)"
    case .unexpectedAnswer(let reason): "unexpected answer from SM: \(reason)"
    case .cancelled: "call to SM cancelled"
    }
  }
}
