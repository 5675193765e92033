/// What two companies' keys say about whether they are one.
enum AccountEvidence {
  /// From this share of words in common, two names are close.
  static let closeNames = 0.8

  static func between(_ sage: MatchKeys, _ sm: MatchKeys) -> [MatchEvidence] {
    var found = identifiers(sage, sm)
    if Matcher.shared(sage.emails, sm.emails) { found.append(.email) }
    if Matcher.shared(sage.phones, sm.phones) { found.append(.phone) }
    if Matcher.shared(sage.domains, sm.domains) { found.append(.domain) }
    if let name = name(sage.nameWords, sm.nameWords) { found.append(name) }
    if let place = place(sage, sm) { found.append(place) }
    return found
  }

  /// SIREN numbers both hold: the same one is the same company by law; different
  /// ones are different companies, whatever else agrees.
  private static func identifiers(_ sage: MatchKeys, _ sm: MatchKeys) -> [MatchEvidence] {
    if let siret = sage.siret, let other = sm.siret, siret != other { return [.otherIdentifier] }
    if !sage.sirens.isEmpty, !sm.sirens.isEmpty {
      return Matcher.shared(sage.sirens, sm.sirens) ? [.siren] : [.otherIdentifier]
    }
    if let vat = sage.vatNumber, vat == sm.vatNumber { return [.vatNumber] }
    return []
  }

  private static func name(_ sage: [String], _ sm: [String]) -> MatchEvidence? {
    guard !sage.isEmpty, !sm.isEmpty else { return nil }
    if sage == sm { return .sameName }
    return WordSimilarity.score(sage, sm) >= closeNames ? .closeName : nil
  }

  /// The postcode when both have one, else the city when both have one.
  private static func place(_ sage: MatchKeys, _ sm: MatchKeys) -> MatchEvidence? {
    if let code = sage.postcode, let other = sm.postcode {
      return code == other ? .postcode : .otherPlace
    }
    if let city = sage.city, let other = sm.city { return city == other ? .city : .otherPlace }
    return nil
  }
}
