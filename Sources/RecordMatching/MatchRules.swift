/// How much each agreement counts, and the scores that decide. The thresholds are
/// settings (`[salesmanagement.matching]`); the weights are fixed.
package struct MatchRules: Sendable, Equatable {
  /// From this score, a candidate that names the record can be adopted.
  package var adoptScore: Int
  /// From this score, a candidate is shown to IT; below it, it is no candidate.
  package var candidateScore: Int
  /// The one candidate reaching `adoptScore` is adopted only if every other scores
  /// at least this much less: two close ones are for IT to tell apart.
  package var margin: Int

  /// The rules, by default those of `[salesmanagement.matching]`.
  package init(adoptScore: Int = 60, candidateScore: Int = 30, margin: Int = 25) {
    self.adoptScore = adoptScore
    self.candidateScore = candidateScore
    self.margin = margin
  }

  /// The points of one piece of evidence, for a record of `resource`.
  func points(_ evidence: MatchEvidence, _ resource: MatchableResource) -> Int {
    switch (evidence, resource) {
    case (.siren, _), (.vatNumber, _), (.barcode, _): 100
    case (.email, .contacts): 60
    case (.email, _): 40
    case (.phone, .contacts): 20
    case (.phone, _), (.domain, _): 35
    case (.sameName, _): 45
    case (.closeName, _): 30
    case (.postcode, _): 15
    // A town is larger than a postcode: a name and a town alone are not enough.
    case (.city, _): 10
    case (.personName, _), (.sameModel, _): 60
    case (.lastName, _), (.closeModel, _): 30
    case (.otherPlace, _): -30
    case (.otherPerson, _): -60
    case (.otherIdentifier, _): -1000
    }
  }
}
