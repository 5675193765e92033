import PasserelleCore

/// A record's keys for matching, normalised once: what two records are compared
/// on, and what SM's records are found by. Stored with each SM candidate.
package struct MatchKeys: Codable, Sendable, Equatable {
  /// SIREN numbers the record names: its own, its SIRET's first nine digits, and
  /// those inside a French VAT number. Only numbers whose check digits hold: a
  /// number mistyped in SM must not rule out the record it stands for.
  package var sirens: [String] = []
  /// The VAT number as `FrenchIdentifier` writes it, when it is well formed.
  package var vatNumber: String?
  /// E-mails, lowercased.
  package var emails: [String] = []
  /// The last nine digits of each phone number: "+33 1 23 45 67 89" and
  /// "01.23.45.67.89" give the same.
  package var phones: [String] = []
  /// Web domains: the site's, and the e-mails' unless a public mail service's.
  package var domains: [String] = []
  /// A company's meaningful name words, sorted (`CompanyName`).
  package var nameWords: [String] = []
  /// The postcode's digits.
  package var postcode: String?
  /// The town's words, "St" read as "Saint", "Cedex" left out.
  package var city: String?
  /// A contact's first name, folded.
  package var firstName: String?
  /// A contact's last name, folded.
  package var lastName: String?
  /// A contact's company, as SM's id.
  package var parentId: Int?
  /// A product's barcode digits.
  package var barcode: String?
  /// A product's name, word by word in its order.
  package var modelWords: [String] = []
  /// The SIRET (14 digits), when the record holds one: two establishments of one
  /// company share a SIREN, never a SIRET.
  package var siret: String?

  /// The keys of what `profile` says.
  package init(_ profile: MatchProfile) {
    let siret = Self.valid(FrenchIdentifier.siret(profile.siret))
    self.siret = siret?.count == 14 ? siret : nil
    vatNumber = Self.valid(FrenchIdentifier.vatNumber(profile.vatNumber))
    sirens = Self.sirens(siret: siret, siren: profile.siren, vatNumber: vatNumber)
    emails = Array(Set(profile.emails.compactMap(Self.email))).sorted()
    phones = Array(Set(profile.phones.compactMap(Self.phone))).sorted()
    domains = Self.domains(web: profile.web, emails: emails)
    nameWords = CompanyName.tokens(profile.name)
    postcode = Self.nonEmpty(TextFolding.digits(profile.postcode))
    city = Self.city(profile.city)
    firstName = Self.nonEmpty(TextFolding.words(profile.firstName).joined(separator: " "))
    lastName = Self.nonEmpty(TextFolding.words(profile.lastName).joined(separator: " "))
    parentId = profile.parentId
    barcode = Self.nonEmpty(TextFolding.digits(profile.barcode))
    // In order: "Lot de 12 x 6 L" is not "Lot de 6 x 12 L".
    modelWords = TextFolding.words(profile.model)
  }

  private static func sirens(siret: String?, siren: String, vatNumber: String?) -> [String] {
    var found = Set<String>()
    if let siret { found.insert(String(siret.prefix(9))) }
    if let siren = valid(FrenchIdentifier.siret(siren)), siren.count == 9 { found.insert(siren) }
    // FR, two check characters, then the SIREN: kept when its own check holds
    // (a number with a letter key is taken without checking it).
    if let vatNumber, vatNumber.count == 13, vatNumber.hasPrefix("FR"),
      let siren = valid(FrenchIdentifier.siret(String(vatNumber.suffix(9)))), siren.count == 9
    {
      found.insert(siren)
    }
    return found.sorted()
  }

  /// The normalised value of a well-formed identifier; nil for any other.
  private static func valid(_ check: ValueCheck) -> String? {
    if case .valid(let value) = check { value } else { nil }
  }

  private static func email(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    return trimmed.contains("@") ? trimmed : nil
  }

  private static func phone(_ text: String) -> String? {
    let digits = TextFolding.digits(text)
    return digits.count >= 9 ? String(digits.suffix(9)) : nil
  }

  /// Mail services many companies share: their domain says nothing of the company.
  static let publicMailDomains: Set<String> = [
    "gmail.com", "hotmail.com", "hotmail.fr", "outlook.com", "outlook.fr", "live.fr",
    "live.com", "yahoo.com", "yahoo.fr", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr",
    "neuf.fr", "laposte.net", "bbox.fr", "icloud.com", "aol.com", "gmx.fr", "msn.com",
    "numericable.fr", "club-internet.fr", "protonmail.com",
  ]

  private static func domains(web: String, emails: [String]) -> [String] {
    var found = Set<String>()
    if let site = siteDomain(web) { found.insert(site) }
    for email in emails {
      guard let at = email.lastIndex(of: "@") else { continue }
      let domain = String(email[email.index(after: at)...])
      if !domain.isEmpty, !publicMailDomains.contains(domain) { found.insert(domain) }
    }
    return found.sorted()
  }

  private static func siteDomain(_ web: String) -> String? {
    var text = web.trimmingCharacters(in: .whitespaces).lowercased()
    for scheme in ["https://", "http://"] where text.hasPrefix(scheme) {
      text.removeFirst(scheme.count)
    }
    if text.hasPrefix("www.") { text.removeFirst(4) }
    let host = text.split(separator: "/").first.map(String.init) ?? ""
    return host.contains(".") ? host : nil
  }

  private static func city(_ text: String) -> String? {
    let words = TextFolding.words(text).filter { $0 != "cedex" && Int($0) == nil }
    return nonEmpty(
      words.map { $0 == "st" ? "saint" : $0 == "ste" ? "sainte" : $0 }
        .joined(separator: " "))
  }

  private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}
