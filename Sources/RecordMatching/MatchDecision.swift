/// What to do with a Sage record SM may already hold.
package enum MatchDecision: Sendable, Equatable {
  /// No candidate: create it.
  case create
  /// Exactly one strong candidate: take it over (its id, rep and history stay).
  case adopt(ScoredCandidate)
  /// Several candidates, or only weak ones: IT decides; the best first.
  case hold([ScoredCandidate])
}
