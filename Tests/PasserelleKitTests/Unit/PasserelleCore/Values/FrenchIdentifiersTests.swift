import Testing

@testable import PasserelleCore

struct FrenchIdentifiersTests {
  // MARK: SIRET

  @Test(arguments: [
    ("73282932000074", "73282932000074"),
    ("732 829 320 00074", "73282932000074"),
    ("732.829.320.00074", "73282932000074"),
    ("732-829-320-00074", "73282932000074"),
    ("732\u{00A0}829\u{00A0}320\u{202F}00074", "73282932000074"),
    ("  44306184100047 ", "44306184100047"),
    ("55210055400013", "55210055400013"),
    ("54210765113030", "54210765113030"),
    ("732829320", "732829320"),
    ("443 061 841", "443061841"),
    ("356000000", "356000000"),
    ("35600000000048", "35600000000048"),
    ("35600000049837", "35600000049837"),
    ("356 000 000 00100", "35600000000100"),
  ])
  func validSIRETs(raw: String, normalised: String) {
    #expect(FrenchIdentifier.siret(raw) == .valid(normalised))
  }

  @Test(arguments: [
    ("73282932000075", "Luhn checksum fails"),
    ("73282932000047", "Luhn checksum fails"),
    ("732829321", "Luhn checksum fails"),
    ("7328293200007", "has 13 digits; a SIRET has 14, a SIREN 9"),
    ("732829320000740", "has 15 digits; a SIRET has 14, a SIREN 9"),
    ("12345", "has 5 digits; a SIRET has 14, a SIREN 9"),
    ("7328293200007A", "contains characters other than digits"),
    ("732829320/00074", "contains characters other than digits"),
    ("SIRET 73282932000074", "contains characters other than digits"),
    ("", "empty"),
    (" . - ", "empty"),
    ("35600000000049", "La Poste checksum fails (digit sum not a multiple of 5)"),
    ("35600000012345", "La Poste checksum fails (digit sum not a multiple of 5)"),
    ("35600000000014", "La Poste checksum fails (digit sum not a multiple of 5)"),
  ])
  func invalidSIRETs(raw: String, reason: String) {
    #expect(englishReason(FrenchIdentifier.siret(raw)) == sentence(reason))
  }

  // MARK: VAT number

  @Test(arguments: [
    ("FR40303265045", "FR40303265045"),
    ("fr 40 303 265 045", "FR40303265045"),
    ("FR-40.303.265.045", "FR40303265045"),
    ("FR44732829320", "FR44732829320"),
    ("FR03552081317", "FR03552081317"),
    ("FR64443061841", "FR64443061841"),
    ("FRAB303265045", "FRAB303265045"),
    ("FR1Z303265046", "FR1Z303265046"),
    ("FRZ9123456789", "FRZ9123456789"),
    ("DE123456789", "DE123456789"),
    ("de 123 456 789", "DE123456789"),
    ("BE0123456789", "BE0123456789"),
    ("BE 1234.567.890", "BE1234567890"),
    ("IT12345678901", "IT12345678901"),
    ("ESA12345678", "ESA12345678"),
    ("ES X1234567L", "ESX1234567L"),
    ("ES12345678Z", "ES12345678Z"),
    ("ATU12345678", "ATU12345678"),
    ("NL123456789B01", "NL123456789B01"),
    ("LU12345678", "LU12345678"),
    ("IE1234567T", "IE1234567T"),
    ("IE1234567WA", "IE1234567WA"),
    ("IE1+23456T", "IE1+23456T"),
    ("PL1234567890", "PL1234567890"),
    ("PT123456789", "PT123456789"),
    ("SE123456789001", "SE123456789001"),
    ("RO12", "RO12"),
    ("RO1234567890", "RO1234567890"),
    ("CY12345678L", "CY12345678L"),
    ("CZ12345678", "CZ12345678"),
    ("DK12345678", "DK12345678"),
    ("HR12345678901", "HR12345678901"),
    ("EL123456789", "EL123456789"),
    ("GR123456789", "EL123456789"),
    ("XI123456789", "XI123456789"),
    ("GB123456789012", "GB123456789012"),
    ("GBGD123", "GBGD123"),
    ("CHE-123.456.789", "CHE123456789"),
    ("CHE-123.456.789 TVA", "CHE123456789"),
    ("CHE123456789MWST", "CHE123456789"),
    ("che 123 456 789 iva", "CHE123456789"),
  ])
  func validVATNumbers(raw: String, normalised: String) {
    #expect(FrenchIdentifier.vatNumber(raw) == .valid(normalised))
  }

  @Test(arguments: [
    ("FR41303265045", "key does not match the SIREN (expected 40)"),
    ("FR00552081317", "key does not match the SIREN (expected 03)"),
    ("FR43303265046", "SIREN fails the Luhn checksum"),
    ("FRIO303265045", "key has characters outside 0-9 and A-Z but I, O"),
    ("FRA+303265045", "key has characters outside 0-9 and A-Z but I, O"),
    ("FR4030326504", "a French VAT number is FR, a 2-character key and the 9-digit SIREN"),
    ("FR403032650451", "a French VAT number is FR, a 2-character key and the 9-digit SIREN"),
    ("FR40303265O45", "the SIREN part has characters other than digits"),
    ("DE12345678", "does not match the DE VAT number format"),
    ("DE1234567890", "does not match the DE VAT number format"),
    ("DEA23456789", "does not match the DE VAT number format"),
    ("BE2123456789", "does not match the BE VAT number format"),
    ("BE123456789", "does not match the BE VAT number format"),
    ("IT1234567890", "does not match the IT VAT number format"),
    ("ES123456789", "does not match the ES VAT number format"),
    ("ESA1234567", "does not match the ES VAT number format"),
    ("AT12345678", "does not match the AT VAT number format"),
    ("NL123456789C01", "does not match the NL VAT number format"),
    ("IE1+23456T*", "does not match the IE VAT number format"),
    ("RO1", "too short"),
    ("RO12345678901", "does not match the RO VAT number format"),
    ("CHE12345678", "does not match the CHE VAT number format"),
    ("CHE123456789XYZ", "does not match the CHE VAT number format"),
    ("XX123456789", "unknown country prefix \"XX\""),
    ("US123456789", "unknown country prefix \"US\""),
    ("303265045", "no country prefix"),
    ("40303265045", "no country prefix"),
    ("F", "no country prefix"),
    ("FR4", "too short"),
    ("FR40/303265045", "contains characters other than letters and digits"),
    ("", "empty"),
    ("  ", "empty"),
  ])
  func invalidVATNumbers(raw: String, reason: String) {
    #expect(englishReason(FrenchIdentifier.vatNumber(raw)) == sentence(reason))
  }

  // MARK: Phone

  @Test(
    arguments: [
      ("06 12 34 56 78", nil, "+33612345678"),
      ("06.12.34.56.78", "FR", "+33612345678"),
      ("06-12-34-56-78", "fr", "+33612345678"),
      ("06/12/34/56/78", "FR", "+33612345678"),
      ("0612345678", "FR", "+33612345678"),
      ("06\u{00A0}12\u{00A0}34\u{202F}56 78", "FR", "+33612345678"),
      ("(01) 23 45 67 89", "FR", "+33123456789"),
      ("612345678", "FR", "+33612345678"),
      ("+33 6 12 34 56 78", nil, "+33612345678"),
      ("+33 6 12 34 56 78", "DE", "+33612345678"),
      ("+33612345678", "FR", "+33612345678"),
      ("0033 6 12 34 56 78", "FR", "+33612345678"),
      ("0033612345678", "US", "+33612345678"),
      ("+33 (0)1 23 45 67 89", "FR", "+33123456789"),
      ("+33(0)123456789", nil, "+33123456789"),
      ("0033 (0)1 23 45 67 89", "FR", "+33123456789"),
      ("+33 0 6 12 34 56 78", "FR", "+33612345678"),
      ("0262 12 34 56", "RE", "+262262123456"),
      ("0263 12 34 56", "RE", "+262263123456"),
      ("0692 12 34 56", "RE", "+262692123456"),
      ("0693 12 34 56", nil, "+262693123456"),
      ("0269 61 23 45", "YT", "+262269612345"),
      ("0639 12 34 56", "YT", "+262639123456"),
      ("0590 12 34 56", "GP", "+590590123456"),
      ("0690 12 34 56", "GP", "+590690123456"),
      ("0691 12 34 56", "MF", "+590691123456"),
      ("0594 12 34 56", "GF", "+594594123456"),
      ("0694 12 34 56", "GF", "+594694123456"),
      ("0596 12 34 56", "MQ", "+596596123456"),
      ("0696 12 34 56", "MQ", "+596696123456"),
      ("0697 12 34 56", "MQ", "+596697123456"),
      ("0508 41 23 45", "PM", "+508412345"),
      ("0692 12 34 56", "FR", "+262692123456"),
      ("06 12 34 56 78", "RE", "+33612345678"),
      ("+262 692 12 34 56", "RE", "+262692123456"),
      ("+262 0692 12 34 56", "RE", "+262692123456"),
      ("+44 20 7946 0958", "GB", "+442079460958"),
      ("0044 20 7946 0958", nil, "+442079460958"),
      ("+44 (0)20 7946 0958", "GB", "+442079460958"),
      ("+1 (212) 555-0123", "US", "+12125550123"),
      ("+32 2 123 45 67", "BE", "+3221234567"),
      ("030 1234567", "DE", "0301234567"),
      ("(212) 555-0123", "US", "2125550123"),
      ("02 123 45 67", "BE", "021234567"),
      ("  +41 22 123 45 67  ", "CH", "+41221234567"),
    ] as [(String, String?, String)])
  func validPhones(raw: String, country: String?, normalised: String) {
    #expect(FrenchIdentifier.phone(raw, countryISO: country) == .valid(normalised))
  }

  @Test(
    arguments: [
      ("06 12 34 56 78 poste 12", "FR", "has an extension"),
      ("01 23 45 67 89 ext. 4", "FR", "has an extension"),
      ("+33 1 23 45 67 89 x12", "FR", "has an extension"),
      ("01 23 45 67 89 P12", "FR", "has an extension"),
      ("abc", "FR", "contains letters"),
      ("Tél : 01 23 45 67 89", "FR", "contains letters"),
      ("06 12 34 56 78 (Jean)", "FR", "contains letters"),
      ("12 34", "FR", "fewer than 8 digits"),
      ("1234567", "DE", "fewer than 8 digits"),
      ("+33 12", "FR", "fewer than 8 digits"),
      ("+1234567", nil, "fewer than 8 digits"),
      ("+1234567890123456", nil, "more than 15 digits"),
      ("0612345678 0698765432", "FR", "more than 15 digits"),
      ("01 23 45 67 89 / 06 12 34 56 78", "FR", "more than 15 digits"),
      ("1234567890123456", "DE", "more than 15 digits"),
      ("06 12 34 56", "FR", "a French national number has 10 digits starting with 0"),
      ("061234567890", nil, "a French national number has 10 digits starting with 0"),
      ("6123456789", "FR", "a French national number has 10 digits starting with 0"),
      ("+33 6 12 34 56", "FR", "a +33 number has 9 digits after the country code"),
      ("+33 6 12 34 56 78 9", "FR", "a +33 number has 9 digits after the country code"),
      ("06+12345678", "FR", "'+' is not at the start"),
      ("++33612345678", "FR", "'+' is not at the start"),
      ("+0612345678", "FR", "country code starts with 0"),
      ("000612345678", "FR", "country code starts with 0"),
      ("06 12 34 56 78 #", "FR", "contains an unexpected character"),
      ("06_12_34_56_78", "FR", "contains an unexpected character"),
      ("", "FR", "empty"),
      ("   ", nil, "empty"),
      ("+", nil, "no digits"),
      ("-- / --", nil, "no digits"),
    ] as [(String, String?, String)])
  func invalidPhones(raw: String, country: String?, reason: String) {
    #expect(englishReason(FrenchIdentifier.phone(raw, countryISO: country)) == sentence(reason))
  }

  // MARK: E-mail

  @Test(arguments: [
    ("jean.dupont@example.fr", "jean.dupont@example.fr"),
    ("  Jean.Dupont@Example.FR ", "Jean.Dupont@example.fr"),
    ("mailto:contact@societe.com", "contact@societe.com"),
    ("MAILTO: contact@societe.com", "contact@societe.com"),
    ("o'brien+tag@mail.example.co.uk", "o'brien+tag@mail.example.co.uk"),
    ("contact@sous-domaine.example.org", "contact@sous-domaine.example.org"),
    ("a@b.fr;", "a@b.fr"),
    ("; a@b.fr ;", "a@b.fr"),
    ("x_y-z!#$%&*/=?^`{|}~@ex4mple.io", "x_y-z!#$%&*/=?^`{|}~@ex4mple.io"),
    ("user@123.example.com", "user@123.example.com"),
    ("\u{00A0}info@example.fr\u{00A0}", "info@example.fr"),
  ])
  func validEmails(raw: String, normalised: String) {
    #expect(FrenchIdentifier.email(raw) == .valid(normalised))
  }

  @Test(arguments: [
    ("jean.dupont", "no '@'"),
    ("a@b@c.fr", "more than one '@'"),
    ("@example.fr", "nothing before the '@'"),
    (".jean@example.fr", "the part before the '@' starts or ends with '.'"),
    ("jean.@example.fr", "the part before the '@' starts or ends with '.'"),
    ("jean..dupont@example.fr", "'..' before the '@'"),
    ("jean@example", "domain has no '.'"),
    ("jean@", "no domain after the '@'"),
    ("jean@-example.fr", "domain label starts or ends with '-'"),
    ("jean@example-.fr", "domain label starts or ends with '-'"),
    ("jean@example.f", "top-level domain is not 2+ letters"),
    ("jean@example.123", "top-level domain is not 2+ letters"),
    ("jean@example.fr.", "empty label in the domain"),
    ("jean@.example.fr", "empty label in the domain"),
    ("jean@example..fr", "empty label in the domain"),
    ("jean dupont@example.fr", "contains spaces"),
    ("jean@exa mple.fr", "contains spaces"),
    ("jean@exa_mple.fr", "invalid character in the domain"),
    ("jéan@example.fr", "invalid character before the '@'"),
    ("jean@exämple.fr", "invalid character in the domain"),
    ("\"jean\"@example.fr", "invalid character before the '@'"),
    ("a@b.fr; c@d.fr", "several addresses"),
    ("a@b.fr, c@d.fr", "several addresses"),
    ("a@b.fr;c@d.fr;e@f.fr", "several addresses"),
    ("", "empty"),
    ("mailto:", "empty"),
    (" ; , ", "empty"),
    (String(repeating: "a", count: 65) + "@example.fr", "more than 64 characters before the '@'"),
    (
      "a@" + String(repeating: "b", count: 64) + ".fr",
      "domain label longer than 63 characters"
    ),
    (
      "a@" + Array(repeating: String(repeating: "b", count: 60), count: 5).joined(separator: ".")
        + ".fr",
      "longer than 254 characters"
    ),
  ])
  func invalidEmails(raw: String, reason: String) {
    #expect(englishReason(FrenchIdentifier.email(raw)) == sentence(reason))
  }

  @Test func longestAcceptedEmail() {
    let local = String(repeating: "a", count: 64)
    let domain =
      [61, 61, 62].map { String(repeating: "b", count: $0) }.joined(separator: ".") + ".fr"
    let address = local + "@" + domain
    #expect(address.utf8.count == 254)
    #expect(FrenchIdentifier.email(address) == .valid(address))
  }
}

/// The English reason of a refused value.
private func englishReason(_ check: ValueCheck) -> String? {
  guard case .invalid(let message) = check else { return nil }
  return message.text(in: .english)
}

/// A reason of the tests' tables as the catalogue writes it: it opens a sentence.
private func sentence(_ reason: String) -> String {
  reason.prefix(1).uppercased() + reason.dropFirst()
}
