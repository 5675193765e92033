/// What one try of a request gave.
enum TryOutcome: Sendable {
  /// SM answered, whatever the status.
  case answered(HTTPAnswer)
  /// No answer: connection refused or closed, timeout, TLS failure; `reason` is short
  /// technical text without secrets.
  case noAnswer(reason: String)
  /// The answer was larger than allowed.
  case tooLarge(limit: Int)
  /// The calling task was cancelled.
  case cancelled
}
