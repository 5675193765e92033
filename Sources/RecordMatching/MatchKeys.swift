/// A record's keys for matching, normalised once: what two records are compared
/// on, and what SM's records are found by. Stored with each SM candidate.
package struct MatchKeys: Codable, Sendable, Equatable {
  /// SIREN numbers the record names: its own, its SIRET's first nine digits, and
  /// those inside a French VAT number.
  package var sirens: [String] = []
  package var vatNumber: String?
  package var emails: [String] = []
  /// The last nine digits of each phone number: "+33 1 23 45 67 89" and
  /// "01.23.45.67.89" give the same.
  package var phones: [String] = []
  /// Web domains: the site's, and the e-mails' unless a public mail service's.
  package var domains: [String] = []
  package var nameWords: [String] = []
  package var postcode: String?
  package var city: String?
  package var firstName: String?
  package var lastName: String?
  package var parentId: Int?
  package var barcode: String?
  package var modelWords: [String] = []

  package init() {}

  package init(_ profile: MatchProfile) {
    sirens = Self.sirens(profile)
    vatNumber = Self.nonEmpty(Self.alphanumerics(profile.vatNumber))
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
    modelWords = TextFolding.words(profile.model).sorted()
  }

  private static func sirens(_ profile: MatchProfile) -> [String] {
    var found = Set<String>()
    let siret = TextFolding.digits(profile.siret)
    if siret.count == 14 { found.insert(String(siret.prefix(9))) }
    let siren = TextFolding.digits(profile.siren)
    if siren.count == 9 { found.insert(siren) }
    // FR, two check characters, then the SIREN.
    let vat = alphanumerics(profile.vatNumber)
    if vat.count == 13, vat.hasPrefix("FR") { found.insert(String(vat.suffix(9))) }
    return found.sorted()
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

  private static func alphanumerics(_ text: String) -> String {
    String(
      text.uppercased().unicodeScalars.filter {
        $0.isASCII && $0.properties.isAlphabetic
          || ("0"..."9").contains($0)
      })
  }

  private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}
