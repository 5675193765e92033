/// How hard the client may push SM and how long it keeps trying.
package struct SalesManagementClientOptions: Sendable {
  /// Calls started per rolling minute, evenly spaced; the login counts.
  package var requestsPerMinute: Int
  /// Calls waiting for SM's answer at the same time.
  package var requestsInFlight: Int
  /// Tries of one call, the first included, before a failing SM is `unreachable`.
  package var maxAttempts: Int
  /// Longest wait before the second try; each later try may wait up to twice as long.
  package var initialBackoff: Duration
  /// Cap on any wait between tries, `Retry-After` included.
  package var maxBackoff: Duration
  /// Time one try may take, answer included.
  package var requestTimeout: Duration
  /// Records asked per page of a list (`X-FM-Entity-Count`).
  package var pageSize: Int
  /// Largest answer read, in bytes; a larger one is `unexpectedAnswer`.
  package var maxAnswerBytes: Int

  /// SM's defaults: 120 calls a minute, 4 in flight, 8 tries, pages of 500.
  package init(
    requestsPerMinute: Int = 120, requestsInFlight: Int = 4, maxAttempts: Int = 8,
    initialBackoff: Duration = .milliseconds(500), maxBackoff: Duration = .seconds(30),
    requestTimeout: Duration = .seconds(60), pageSize: Int = 500,
    maxAnswerBytes: Int = 64 << 20
  ) {
    precondition(requestsPerMinute > 0 && requestsInFlight > 0 && maxAttempts > 0)
    precondition(pageSize > 0 && maxAnswerBytes > 0)
    self.requestsPerMinute = requestsPerMinute
    self.requestsInFlight = requestsInFlight
    self.maxAttempts = maxAttempts
    self.initialBackoff = initialBackoff
    self.maxBackoff = maxBackoff
    self.requestTimeout = requestTimeout
    self.pageSize = pageSize
    self.maxAnswerBytes = maxAnswerBytes
  }
}
