/// One SM record compared with a Sage record: its score and why.
package struct ScoredCandidate: Sendable, Codable, Equatable {
  /// The SM record's id.
  package var smId: Int
  /// The sum of the evidence's points (`MatchRules`).
  package var score: Int
  /// What agreed and what disagreed.
  package var evidence: [MatchEvidence]
  /// How IT recognises the record: its name and place.
  package var label: String

  /// A candidate as scored.
  package init(smId: Int, score: Int, evidence: [MatchEvidence], label: String) {
    self.smId = smId
    self.score = score
    self.evidence = evidence
    self.label = label
  }

}
