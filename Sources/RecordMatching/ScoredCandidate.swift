/// One SM record compared with a Sage record: its score and why.
package struct ScoredCandidate: Sendable, Codable, Equatable {
  package var smId: Int
  package var score: Int
  package var evidence: [MatchEvidence]
  /// How IT recognises the record: its name and place.
  package var label: String

  package init(smId: Int, score: Int, evidence: [MatchEvidence], label: String) {
    self.smId = smId
    self.score = score
    self.evidence = evidence
    self.label = label
  }

}
