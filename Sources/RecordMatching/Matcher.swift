/// Compares a Sage record with SM's records of the same resource typed by hand,
/// and decides: adopt one, hold for IT, or create.
package struct Matcher: Sendable {
  /// The resource both records are of.
  package let resource: MatchableResource
  /// The scores that decide.
  package let rules: MatchRules
  /// How many candidates a held record lists at most.
  static let listed = 5

  /// A matcher of `resource`'s records.
  package init(resource: MatchableResource, rules: MatchRules) {
    self.resource = resource
    self.rules = rules
  }

  /// The decision for `sage` among `candidates` (SM id, keys, label).
  package func decide(_ sage: MatchKeys, among candidates: [(Int, MatchKeys, String)])
    -> MatchDecision
  {
    let scored = candidates.map { score(sage, $0.1, smId: $0.0, label: $0.2) }
      .filter { $0.score >= rules.candidateScore }
      .sorted { ($0.score, -$0.smId) > ($1.score, -$1.smId) }
    guard let best = scored.first else { return .create }
    let runnerUp = scored.dropFirst().first?.score ?? Int.min
    if adoptable(best), runnerUp < rules.adoptScore, runnerUp <= best.score - rules.margin {
      return .adopt(best)
    }
    return .hold(Array(scored.prefix(Self.listed)))
  }

  /// Strong enough, naming the record, and not elsewhere: a company's other site
  /// is for IT to tell, even with the same SIREN.
  private func adoptable(_ candidate: ScoredCandidate) -> Bool {
    candidate.score >= rules.adoptScore && namesTheRecord(candidate.evidence)
      && !candidate.evidence.contains(.otherPlace)
  }

  /// One candidate's score: the points of every key the two agree on, less those
  /// they disagree on.
  package func score(_ sage: MatchKeys, _ sm: MatchKeys, smId: Int, label: String)
    -> ScoredCandidate
  {
    let evidence = Self.evidence(sage, sm, resource)
    let score = evidence.reduce(0) { $0 + rules.points($1, resource) }
    return ScoredCandidate(smId: smId, score: score, evidence: evidence, label: label)
  }

  /// Whether the evidence holds what alone can identify the record: a legal
  /// identifier or a barcode, a name, or a contact's e-mail within its company.
  /// Phones, company e-mails and places back a name up, never replace it (a
  /// switchboard or an accountant's e-mail serves several companies).
  func namesTheRecord(_ evidence: [MatchEvidence]) -> Bool {
    evidence.contains { piece in
      switch piece {
      case .siren, .vatNumber, .barcode, .sameName, .closeName, .personName, .sameModel: true
      case .email: resource == .contacts
      default: false
      }
    }
  }

  static func evidence(_ sage: MatchKeys, _ sm: MatchKeys, _ resource: MatchableResource)
    -> [MatchEvidence]
  {
    switch resource {
    case .accounts: AccountEvidence.between(sage, sm)
    case .contacts: contactEvidence(sage, sm)
    case .products: productEvidence(sage, sm)
    }
  }

  private static func contactEvidence(_ sage: MatchKeys, _ sm: MatchKeys) -> [MatchEvidence] {
    var found: [MatchEvidence] = []
    if shared(sage.emails, sm.emails) { found.append(.email) }
    if let first = sage.firstName, let last = sage.lastName {
      let sameOrder = first == sm.firstName && last == sm.lastName
      let swapped = first == sm.lastName && last == sm.firstName
      if sameOrder || swapped {
        found.append(.personName)
      } else if last == sm.lastName, first.first == sm.firstName?.first {
        found.append(.lastName)
      } else if sm.firstName != nil, sm.lastName != nil {
        found.append(.otherPerson)
      }
    } else if let last = sage.lastName, last == sm.lastName {
      found.append(.lastName)
    }
    if shared(sage.phones, sm.phones) { found.append(.phone) }
    return found
  }

  private static func productEvidence(_ sage: MatchKeys, _ sm: MatchKeys) -> [MatchEvidence] {
    var found: [MatchEvidence] = []
    if let code = sage.barcode, let other = sm.barcode {
      found.append(code == other ? .barcode : .otherIdentifier)
    }
    if !sage.modelWords.isEmpty, sage.modelWords == sm.modelWords {
      found.append(.sameModel)
    } else if WordSimilarity.score(sage.modelWords, sm.modelWords) >= 0.8 {
      found.append(.closeModel)
    }
    return found
  }

  static func shared(_ left: [String], _ right: [String]) -> Bool {
    left.contains { right.contains($0) }
  }
}
