/// What one try of a request gave.
enum TryOutcome: Sendable {
  /// SM answered, whatever the status.
  case answered(HTTPAnswer)
  /// No answer: connection refused or closed, timeout, TLS failure; `reason` is short
  /// technical text without secrets. `mayHaveBeenSent` unless the failure came before
  /// the request could leave (no connection).
  case noAnswer(reason: String, mayHaveBeenSent: Bool)
  /// The answer was larger than allowed.
  case tooLarge(limit: Int)
  /// The calling task was cancelled.
  case cancelled
}
