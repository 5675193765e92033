/// A misbehaviour decided for one call, before the call is applied.
enum Fault: Sendable, Equatable {
  /// Answer 429 with `Retry-After`.
  case tooManyRequests
  /// Answer 500.
  case serverError
  /// Close the connection without an answer; a write may have been applied first.
  case drop(applyingWrite: Bool)
}
