import Foundation

/// How the conversation with SM has gone so far, for a status page or a log line.
package struct SalesManagementHealth: Sendable, Equatable {
  /// When SM last answered a call as its API documents (a refused record included).
  package var lastSuccessAt: Date?
  /// The last failure, as short technical text such as `HTTP 503 on GET /accounts`;
  /// never a key, a token or a body.
  package var lastError: String?
  /// When `lastError` happened.
  package var lastErrorAt: Date?
  /// Requests sent to SM, logins and retries included.
  package var calls: Int
  /// Requests that repeated an earlier one after a failure.
  package var retries: Int

  /// A client that has not called SM yet.
  package init(
    lastSuccessAt: Date? = nil, lastError: String? = nil, lastErrorAt: Date? = nil,
    calls: Int = 0, retries: Int = 0
  ) {
    self.lastSuccessAt = lastSuccessAt
    self.lastError = lastError
    self.lastErrorAt = lastErrorAt
    self.calls = calls
    self.retries = retries
  }
}
