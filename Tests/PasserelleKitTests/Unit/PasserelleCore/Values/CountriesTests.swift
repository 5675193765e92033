import Testing

@testable import PasserelleCore

struct CountriesTests {
  @Test(arguments: [
    ("France", "FR"), ("FRANCE", "FR"), ("france", "FR"), ("  France  ", "FR"), ("FR", "FR"),
    ("fr", "FR"), ("FRA", "FR"), ("France Métropolitaine", "FR"), ("La France", "FR"),
    ("Allemagne", "DE"), ("ALLEMAGNE", "DE"), ("Germany", "DE"), ("DEU", "DE"),
    ("l'Allemagne", "DE"),
    ("Royaume-Uni", "GB"), ("Royaume Uni", "GB"), ("ROYAUME-UNI", "GB"), ("le Royaume-Uni", "GB"),
    ("United Kingdom", "GB"), ("UK", "GB"), ("GBR", "GB"), ("Angleterre", "GB"),
    ("Etats-Unis", "US"), ("États-Unis", "US"), ("ETATS UNIS", "US"), ("Les États-Unis", "US"),
    ("États-Unis d'Amérique", "US"), ("Etats Unis d’Amerique", "US"), ("USA", "US"),
    ("United States", "US"),
    ("Pays-Bas", "NL"), ("Les Pays-Bas", "NL"), ("pays bas", "NL"), ("Netherlands", "NL"),
    ("Belgique", "BE"), ("BELGIQUE", "BE"), ("Belgium", "BE"), ("BEL", "BE"),
    ("Suisse", "CH"), ("La Suisse", "CH"), ("Switzerland", "CH"), ("CHE", "CH"),
    ("Côte d'Ivoire", "CI"), ("Cote d'Ivoire", "CI"), ("COTE D IVOIRE", "CI"),
    ("Côte d’Ivoire", "CI"), ("côte-d'ivoire", "CI"), ("CÔTE D'IVOIRE", "CI"), ("CIV", "CI"),
    ("La Réunion", "RE"), ("Réunion", "RE"), ("REUNION", "RE"), ("la reunion", "RE"),
    ("Guadeloupe", "GP"), ("Martinique", "MQ"), ("Guyane", "GF"), ("Guyane française", "GF"),
    ("Guyana", "GY"), ("Mayotte", "YT"), ("Nouvelle-Calédonie", "NC"),
    ("NOUVELLE CALEDONIE", "NC"), ("Polynésie française", "PF"), ("POLYNESIE FRANCAISE", "PF"),
    ("Saint-Pierre-et-Miquelon", "PM"), ("Saint-Barthélemy", "BL"), ("Saint-Martin", "MF"),
    ("Wallis-et-Futuna", "WF"),
    ("Autriche", "AT"), ("Bulgarie", "BG"), ("Croatie", "HR"), ("Chypre", "CY"),
    ("République tchèque", "CZ"), ("Tchéquie", "CZ"), ("Danemark", "DK"), ("Estonie", "EE"),
    ("Finlande", "FI"), ("Grèce", "GR"), ("Hongrie", "HU"), ("Irlande", "IE"), ("Italie", "IT"),
    ("Lettonie", "LV"), ("Lituanie", "LT"), ("Luxembourg", "LU"), ("Malte", "MT"),
    ("Pologne", "PL"), ("Portugal", "PT"), ("Roumanie", "RO"), ("Slovaquie", "SK"),
    ("Slovénie", "SI"), ("Espagne", "ES"), ("ESPAGNE", "ES"), ("Spain", "ES"), ("Suède", "SE"),
    ("Islande", "IS"), ("Liechtenstein", "LI"), ("Norvège", "NO"), ("Monaco", "MC"),
    ("Andorre", "AD"), ("Irlande du Nord", "GB"),
    ("Maroc", "MA"), ("Algérie", "DZ"), ("ALGERIE", "DZ"), ("Tunisie", "TN"), ("Libye", "LY"),
    ("Égypte", "EG"), ("Egypte", "EG"), ("Mauritanie", "MR"),
    ("Sénégal", "SN"), ("Mali", "ML"), ("Burkina Faso", "BF"), ("Niger", "NE"),
    ("Nigeria", "NG"), ("Guinée", "GN"), ("Guinée-Bissau", "GW"), ("Guinée équatoriale", "GQ"),
    ("Bénin", "BJ"), ("Togo", "TG"), ("Cameroun", "CM"), ("Gabon", "GA"), ("Congo", "CG"),
    ("République démocratique du Congo", "CD"), ("RDC", "CD"), ("Tchad", "TD"),
    ("République centrafricaine", "CF"), ("Madagascar", "MG"), ("Île Maurice", "MU"),
    ("Maurice", "MU"), ("Comores", "KM"), ("Les Comores", "KM"), ("Djibouti", "DJ"),
    ("Mexique", "MX"), ("Canada", "CA"), ("CAN", "CA"), ("Brésil", "BR"), ("BRESIL", "BR"),
    ("Argentine", "AR"), ("Chili", "CL"), ("Colombie", "CO"), ("Pérou", "PE"),
    ("Haïti", "HT"), ("Haiti", "HT"), ("République dominicaine", "DO"),
    ("Chine", "CN"), ("China", "CN"), ("Japon", "JP"), ("JAPON", "JP"), ("Inde", "IN"),
    ("IND", "IN"), ("L'Inde", "IN"), ("Corée du Sud", "KR"), ("Indonésie", "ID"),
    ("Arabie saoudite", "SA"), ("Australie", "AU"), ("Russie", "RU"), ("Turquie", "TR"),
    ("Türkiye", "TR"), ("Afrique du Sud", "ZA"), ("Émirats arabes unis", "AE"),
    ("Viêt Nam", "VN"), ("Vietnam", "VN"), ("Thaïlande", "TH"), ("Nouvelle-Zélande", "NZ"),
    ("Laos", "LA"), ("LA", "LA"), ("La", "LA"), ("Le Salvador", "SV"),
    ("Österreich", "AT"), ("ÖSTERREICH", "AT"), ("ÎLE MAURICE", "MU"),
    ("Azerbaïdjan", "AZ"), ("France\u{00A0}", "FR"), ("Nouvelle\u{2011}Calédonie", "NC"),
    ("Pologne\u{0301}", "PL"),
  ])
  func countryNames(name: String, expected: String) {
    #expect(Countries.isoCode(for: name) == expected)
  }

  @Test(arguments: [
    "", "   ", "Atlantis", "Europe", "Afrique", "Le", "Les", "L'", "DOM", "XX", "ZZZ",
    "Franc", "Francee", "Paris", "-", "123", "Allemagne de l'Est",
  ])
  func unknownCountries(name: String) {
    #expect(Countries.isoCode(for: name) == nil)
  }

  @Test func everyNameAndCodeMapsToItsOwnEntry() {
    for entry in Countries.entries {
      #expect(entry.code.utf8.count == 2 && entry.code == entry.code.uppercased())
      #expect(Countries.isoCode(for: entry.code) == entry.code)
      if let alpha3 = entry.alpha3 {
        #expect(alpha3.utf8.count == 3 && alpha3 == alpha3.uppercased())
        #expect(Countries.isoCode(for: alpha3) == entry.code, "\(alpha3)")
      }
      for name in entry.names {
        #expect(Countries.isoCode(for: name) == entry.code, "\(name)")
      }
    }
  }

  @Test func entriesHaveDistinctCodes() {
    let codes = Countries.entries.map(\.code)
    #expect(Set(codes).count == codes.count)
  }

  @Test(arguments: [
    ("France", "france"), ("Côte d'Ivoire", "cotedivoire"), ("La Réunion", "reunion"),
    ("L’Inde", "inde"), ("les Pays-Bas", "paysbas"), ("Laos", "laos"), ("Lesotho", "lesotho"),
    ("ÆØÅ æøå ß", "aeoaaeoass"), ("  Œuvre ", "oeuvre"), ("Ğ", "g"), ("La", "la"),
  ])
  func lookupKeys(text: String, key: String) {
    #expect(Countries.lookupKey(text) == key)
  }

  @Test(arguments: [
    ("FR", true), ("GP", true), ("MQ", true), ("GF", true), ("RE", true), ("YT", true),
    ("PM", true), ("BL", true), ("MF", true), ("fr", true), ("re", true),
    ("NC", false), ("PF", false), ("WF", false), ("BE", false), ("CH", false), ("MC", false),
    ("", false), ("F", false), ("FRA", false),
  ])
  func frenchNumbering(iso: String, expected: Bool) {
    #expect(Countries.usesFrenchNumbering(iso) == expected)
  }
}
