import Foundation

/// Country names as Sage 50 FR users type them, resolved to ISO 3166-1 alpha-2 codes.
package enum Countries {
  /// ISO 3166-1 alpha-2 code for a French or English country name, an alpha-2 or an alpha-3 code.
  /// Case, accents, hyphens, apostrophes, spaces and a leading French article are ignored.
  /// Unknown or empty → nil.
  package static func isoCode(for name: String) -> String? {
    let key = lookupKey(name)
    if key.isEmpty { return nil }
    return codesByKey[key]
  }

  /// The French name of a country, as Sage 50 FR writes it (`FR` → "France").
  package static func frenchName(_ iso: String) -> String? {
    let code = iso.uppercased()
    return entries.first { $0.code == code }?.names.first
  }

  /// True for "FR" and the overseas territories inside the French national numbering plan.
  static func usesFrenchNumbering(_ iso: String) -> Bool {
    ValueBytes.withBytes(iso) { bytes in
      guard bytes.count == 2 else { return false }
      let first = ValueBytes.uppercased(bytes[0])
      let second = ValueBytes.uppercased(bytes[1])
      return frenchNumberingCodes.contains { $0.0 == first && $0.1 == second }
    }
  }

  private static let frenchNumberingCodes: [(UInt8, UInt8)] = [
    "FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF",
  ].map { code in
    let bytes = Array(code.utf8)
    return (bytes[0], bytes[1])
  }

  struct Entry: Sendable {
    let code: String
    /// Nil where the alpha-3 code would be misread (see the Dominican Republic).
    let alpha3: String?
    let names: [String]
  }

  private static func entry(_ code: String, _ alpha3: String?, _ names: String...) -> Entry {
    Entry(code: code, alpha3: alpha3, names: names)
  }

  static let entries: [Entry] = [
    // European Union
    entry("AT", "AUT", "Autriche", "Austria", "Österreich"),
    entry("BE", "BEL", "Belgique", "Belgium", "België", "Belgien"),
    entry("BG", "BGR", "Bulgarie", "Bulgaria"),
    entry("HR", "HRV", "Croatie", "Croatia", "Hrvatska"),
    entry("CY", "CYP", "Chypre", "Cyprus"),
    entry("CZ", "CZE", "République tchèque", "Tchéquie", "Czech Republic", "Czechia"),
    entry("DK", "DNK", "Danemark", "Denmark"),
    entry("EE", "EST", "Estonie", "Estonia"),
    entry("FI", "FIN", "Finlande", "Finland"),
    entry("FR", "FRA", "France", "France métropolitaine", "Metropolitan France"),
    entry("DE", "DEU", "Allemagne", "Germany", "Deutschland", "RFA"),
    entry("GR", "GRC", "Grèce", "Greece"),
    entry("HU", "HUN", "Hongrie", "Hungary"),
    entry("IE", "IRL", "Irlande", "Ireland", "Eire", "République d'Irlande"),
    entry("IT", "ITA", "Italie", "Italy", "Italia"),
    entry("LV", "LVA", "Lettonie", "Latvia"),
    entry("LT", "LTU", "Lituanie", "Lithuania"),
    entry("LU", "LUX", "Luxembourg", "Grand-Duché de Luxembourg"),
    entry("MT", "MLT", "Malte", "Malta"),
    entry(
      "NL", "NLD", "Pays-Bas", "Netherlands", "The Netherlands", "Hollande", "Holland",
      "Nederland"),
    entry("PL", "POL", "Pologne", "Poland"),
    entry("PT", "PRT", "Portugal"),
    entry("RO", "ROU", "Roumanie", "Romania"),
    entry("SK", "SVK", "Slovaquie", "Slovakia"),
    entry("SI", "SVN", "Slovénie", "Slovenia"),
    entry("ES", "ESP", "Espagne", "Spain", "España"),
    entry("SE", "SWE", "Suède", "Sweden"),
    // Rest of the EEA and Western Europe
    entry("IS", "ISL", "Islande", "Iceland"),
    entry("LI", "LIE", "Liechtenstein"),
    entry("NO", "NOR", "Norvège", "Norway"),
    entry(
      "GB", "GBR", "Royaume-Uni", "United Kingdom", "UK", "Grande-Bretagne", "Great Britain",
      "Angleterre", "England", "Écosse", "Scotland", "Pays de Galles", "Wales", "Irlande du Nord",
      "Northern Ireland"),
    entry("CH", "CHE", "Suisse", "Switzerland", "Schweiz", "Svizzera", "Confédération suisse"),
    entry("MC", "MCO", "Monaco", "Principauté de Monaco"),
    entry("AD", "AND", "Andorre", "Andorra"),
    entry("SM", "SMR", "Saint-Marin", "San Marino"),
    entry("VA", "VAT", "Vatican", "Cité du Vatican", "Saint-Siège", "Holy See", "Vatican City"),
    entry("GI", "GIB", "Gibraltar"),
    entry("JE", "JEY", "Jersey"),
    entry("GG", "GGY", "Guernesey", "Guernsey"),
    entry("IM", "IMN", "Île de Man", "Isle of Man"),
    // Rest of Europe
    entry("AL", "ALB", "Albanie", "Albania"),
    entry("BA", "BIH", "Bosnie-Herzégovine", "Bosnie", "Bosnia and Herzegovina", "Bosnia"),
    entry("RS", "SRB", "Serbie", "Serbia"),
    entry("ME", "MNE", "Monténégro", "Montenegro"),
    entry("MK", "MKD", "Macédoine du Nord", "Macédoine", "North Macedonia", "Macedonia"),
    entry("UA", "UKR", "Ukraine"),
    entry("BY", "BLR", "Biélorussie", "Bélarus", "Belarus"),
    entry("MD", "MDA", "Moldavie", "Moldova"),
    entry("RU", "RUS", "Russie", "Russia", "Fédération de Russie", "Russian Federation"),
    entry("TR", "TUR", "Turquie", "Turkey", "Türkiye"),
    entry("GE", "GEO", "Géorgie", "Georgia"),
    entry("AM", "ARM", "Arménie", "Armenia"),
    entry("AZ", "AZE", "Azerbaïdjan", "Azerbaijan"),
    // French overseas departments, collectivities and territories
    entry("GP", "GLP", "Guadeloupe"),
    entry("MQ", "MTQ", "Martinique"),
    entry("GF", "GUF", "Guyane", "Guyane française", "French Guiana"),
    entry("RE", "REU", "Réunion", "Île de la Réunion"),
    entry("YT", "MYT", "Mayotte"),
    entry("PM", "SPM", "Saint-Pierre-et-Miquelon", "Saint Pierre and Miquelon"),
    entry("BL", "BLM", "Saint-Barthélemy", "Saint Barthelemy", "Saint-Barth"),
    entry("MF", "MAF", "Saint-Martin", "Saint Martin", "Saint-Martin (partie française)"),
    entry("NC", "NCL", "Nouvelle-Calédonie", "New Caledonia"),
    entry("PF", "PYF", "Polynésie française", "Polynésie", "French Polynesia", "Tahiti"),
    entry("WF", "WLF", "Wallis-et-Futuna", "Wallis and Futuna"),
    entry(
      "TF", "ATF", "Terres australes et antarctiques françaises", "TAAF",
      "French Southern Territories"),
    // North Africa and the Middle East
    entry("MA", "MAR", "Maroc", "Morocco"),
    entry("DZ", "DZA", "Algérie", "Algeria"),
    entry("TN", "TUN", "Tunisie", "Tunisia"),
    entry("LY", "LBY", "Libye", "Libya"),
    entry("EG", "EGY", "Égypte", "Egypt"),
    entry("MR", "MRT", "Mauritanie", "Mauritania"),
    entry("IL", "ISR", "Israël", "Israel"),
    entry("PS", "PSE", "Palestine", "Territoires palestiniens"),
    entry("LB", "LBN", "Liban", "Lebanon"),
    entry("JO", "JOR", "Jordanie", "Jordan"),
    entry("SY", "SYR", "Syrie", "Syria"),
    entry("IQ", "IRQ", "Irak", "Iraq"),
    entry("IR", "IRN", "Iran"),
    entry("SA", "SAU", "Arabie saoudite", "Saudi Arabia"),
    entry(
      "AE", "ARE", "Émirats arabes unis", "EAU", "United Arab Emirates", "UAE"),
    entry("QA", "QAT", "Qatar"),
    entry("KW", "KWT", "Koweït", "Kuwait"),
    entry("BH", "BHR", "Bahreïn", "Bahrain"),
    entry("OM", "OMN", "Oman"),
    // West and Central Africa
    entry("SN", "SEN", "Sénégal", "Senegal"),
    entry("ML", "MLI", "Mali"),
    entry("BF", "BFA", "Burkina Faso", "Burkina"),
    entry("NE", "NER", "Niger"),
    entry("CI", "CIV", "Côte d'Ivoire", "Ivory Coast"),
    entry("GN", "GIN", "Guinée", "Guinea", "Guinée-Conakry"),
    entry("GW", "GNB", "Guinée-Bissau", "Guinea-Bissau"),
    entry("BJ", "BEN", "Bénin", "Benin"),
    entry("TG", "TGO", "Togo"),
    entry("CM", "CMR", "Cameroun", "Cameroon"),
    entry("GA", "GAB", "Gabon"),
    entry(
      "CG", "COG", "Congo", "République du Congo", "Congo-Brazzaville", "Republic of the Congo"),
    entry(
      "CD", "COD", "République démocratique du Congo", "RDC", "RD Congo", "Congo-Kinshasa",
      "Democratic Republic of the Congo", "DR Congo", "DRC"),
    entry(
      "CF", "CAF", "République centrafricaine", "Centrafrique", "Central African Republic"),
    entry("TD", "TCD", "Tchad", "Chad"),
    entry("GQ", "GNQ", "Guinée équatoriale", "Equatorial Guinea"),
    entry("CV", "CPV", "Cap-Vert", "Cabo Verde", "Cape Verde"),
    entry("GM", "GMB", "Gambie", "Gambia"),
    entry("SL", "SLE", "Sierra Leone"),
    entry("LR", "LBR", "Liberia", "Libéria"),
    entry("GH", "GHA", "Ghana"),
    entry("NG", "NGA", "Nigeria", "Nigéria"),
    entry("ST", "STP", "Sao Tomé-et-Principe", "Sao Tome and Principe"),
    // East and Southern Africa, Indian Ocean
    entry("DJ", "DJI", "Djibouti"),
    entry("KM", "COM", "Comores", "Comoros"),
    entry("MG", "MDG", "Madagascar"),
    entry("MU", "MUS", "Maurice", "Île Maurice", "Mauritius"),
    entry("SC", "SYC", "Seychelles"),
    entry("RW", "RWA", "Rwanda"),
    entry("BI", "BDI", "Burundi"),
    entry("KE", "KEN", "Kenya"),
    entry("ET", "ETH", "Éthiopie", "Ethiopia"),
    entry("SO", "SOM", "Somalie", "Somalia"),
    entry("SD", "SDN", "Soudan", "Sudan"),
    entry("TZ", "TZA", "Tanzanie", "Tanzania"),
    entry("UG", "UGA", "Ouganda", "Uganda"),
    entry("AO", "AGO", "Angola"),
    entry("MZ", "MOZ", "Mozambique"),
    entry("ZM", "ZMB", "Zambie", "Zambia"),
    entry("ZW", "ZWE", "Zimbabwe"),
    entry("NA", "NAM", "Namibie", "Namibia"),
    entry("BW", "BWA", "Botswana"),
    entry("ZA", "ZAF", "Afrique du Sud", "South Africa", "République sud-africaine"),
    // The Americas
    entry(
      "US", "USA", "États-Unis", "États-Unis d'Amérique", "United States",
      "United States of America", "US", "USA"),
    entry("CA", "CAN", "Canada"),
    entry("MX", "MEX", "Mexique", "Mexico"),
    entry("GT", "GTM", "Guatemala"),
    entry("HN", "HND", "Honduras"),
    entry("SV", "SLV", "Salvador", "El Salvador"),
    entry("NI", "NIC", "Nicaragua"),
    entry("CR", "CRI", "Costa Rica"),
    entry("PA", "PAN", "Panama"),
    entry("CU", "CUB", "Cuba"),
    entry("HT", "HTI", "Haïti", "Haiti"),
    // "DOM" is read in France as the overseas departments, so the alpha-3 code is left out.
    entry("DO", nil, "République dominicaine", "Dominican Republic"),
    entry("JM", "JAM", "Jamaïque", "Jamaica"),
    entry("PR", "PRI", "Porto Rico", "Puerto Rico"),
    entry("BS", "BHS", "Bahamas"),
    entry("BB", "BRB", "Barbade", "Barbados"),
    entry("DM", "DMA", "Dominique", "Dominica"),
    entry("LC", "LCA", "Sainte-Lucie", "Saint Lucia"),
    entry("TT", "TTO", "Trinité-et-Tobago", "Trinidad and Tobago"),
    entry("CO", "COL", "Colombie", "Colombia"),
    entry("VE", "VEN", "Venezuela"),
    entry("GY", "GUY", "Guyana"),
    entry("SR", "SUR", "Suriname", "Surinam"),
    entry("EC", "ECU", "Équateur", "Ecuador"),
    entry("PE", "PER", "Pérou", "Peru"),
    entry("BO", "BOL", "Bolivie", "Bolivia"),
    entry("BR", "BRA", "Brésil", "Brazil", "Brasil"),
    entry("PY", "PRY", "Paraguay"),
    entry("UY", "URY", "Uruguay"),
    entry("AR", "ARG", "Argentine", "Argentina"),
    entry("CL", "CHL", "Chili", "Chile"),
    // Asia and Oceania
    entry("CN", "CHN", "Chine", "China", "République populaire de Chine"),
    entry("HK", "HKG", "Hong Kong", "Hong-Kong"),
    entry("MO", "MAC", "Macao", "Macau"),
    entry("TW", "TWN", "Taïwan", "Taiwan"),
    entry("JP", "JPN", "Japon", "Japan"),
    entry("KR", "KOR", "Corée du Sud", "Corée", "South Korea", "Korea", "République de Corée"),
    entry("KP", "PRK", "Corée du Nord", "North Korea"),
    entry("MN", "MNG", "Mongolie", "Mongolia"),
    entry("IN", "IND", "Inde", "India"),
    entry("PK", "PAK", "Pakistan"),
    entry("BD", "BGD", "Bangladesh"),
    entry("LK", "LKA", "Sri Lanka"),
    entry("NP", "NPL", "Népal", "Nepal"),
    entry("AF", "AFG", "Afghanistan"),
    entry("KZ", "KAZ", "Kazakhstan"),
    entry("UZ", "UZB", "Ouzbékistan", "Uzbekistan"),
    entry("TH", "THA", "Thaïlande", "Thailand"),
    entry("VN", "VNM", "Viêt Nam", "Vietnam"),
    entry("KH", "KHM", "Cambodge", "Cambodia"),
    entry("LA", "LAO", "Laos"),
    entry("MM", "MMR", "Birmanie", "Myanmar"),
    entry("MY", "MYS", "Malaisie", "Malaysia"),
    entry("SG", "SGP", "Singapour", "Singapore"),
    entry("ID", "IDN", "Indonésie", "Indonesia"),
    entry("PH", "PHL", "Philippines"),
    entry("AU", "AUS", "Australie", "Australia"),
    entry("NZ", "NZL", "Nouvelle-Zélande", "New Zealand"),
    entry("PG", "PNG", "Papouasie-Nouvelle-Guinée", "Papua New Guinea"),
    entry("VU", "VUT", "Vanuatu"),
    entry("FJ", "FJI", "Fidji", "Fiji"),
  ]

  /// Lookup keys of every entry's codes and names, built once.
  private static let codesByKey: [String: String] = {
    var table: [String: String] = [:]
    for entry in entries {
      var spellings = entry.names
      spellings.append(entry.code)
      if let alpha3 = entry.alpha3 { spellings.append(alpha3) }
      for spelling in spellings {
        let key = lookupKey(spelling)
        if table[key] == nil { table[key] = entry.code }
      }
    }
    return table
  }()

  /// Lowercase ASCII letters of `text`, accents removed, without a leading French article.
  static func lookupKey(_ text: String) -> String {
    if let key = ValueBytes.withBytes(text, { asciiKey($0, droppingUnknown: false) }) {
      return key
    }
    // Accented letters beyond Latin-1 are rare; Foundation strips them and the rest is dropped.
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    return ValueBytes.withBytes(folded) { asciiKey($0, droppingUnknown: true) } ?? ""
  }

  /// The key built from bytes alone, or nil when a character outside Latin-1 letters and common
  /// punctuation would need Unicode folding.
  private static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>, droppingUnknown: Bool)
    -> String?
  {
    let range = ValueBytes.trimmedRange(bytes)
    let end = range.upperBound
    // Every letter gives at most as many bytes as it takes ("œ" gives "oe").
    return ScratchBytes.with(capacity: range.count) { key in
      var index = afterLeadingArticle(bytes, range)
      while index < end {
        let byte = bytes[index]
        if byte < 0x80 {
          if ValueBytes.isLetter(byte) { key.append(ValueBytes.lowercased(byte)) }
          index += 1
        } else if byte == 0xC3, index + 1 < end {
          latinBaseLetters(bytes[index + 1]).withUTF8Buffer { key.append(contentsOf: $0) }
          index += 2
        } else if byte == 0xC5, index + 1 < end,
          bytes[index + 1] == 0x92 || bytes[index + 1] == 0x93
        {
          key.append(contentsOf: "oe")
          index += 2
        } else if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 {
          index += 2
        } else if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80 {
          // U+2000…U+203F: typographic spaces, dashes and quotes, such as the curly apostrophe.
          index += 3
        } else if droppingUnknown {
          index += 1
        } else {
          return nil
        }
      }
      return key.string
    }
  }

  private static let articles: [StaticString] = ["les", "la", "le"]

  /// Index just past a leading "la ", "le ", "les " or "l'" (straight or curly apostrophe).
  private static func afterLeadingArticle(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> Int
  {
    let start = range.lowerBound
    let end = range.upperBound
    for article in articles
    where ValueBytes.hasLowercasedPrefix(bytes, from: start, end: end, article) {
      let afterArticle = start + article.utf8CodeUnitCount
      let afterSpaces = ValueBytes.skipSpaces(bytes, from: afterArticle, end: end)
      if afterSpaces > afterArticle && afterSpaces < end { return afterSpaces }
    }
    if ValueBytes.hasLowercasedPrefix(bytes, from: start, end: end, "l") {
      let next = start + 1
      if next < end && bytes[next] == ValueBytes.apostrophe && next + 1 < end { return next + 1 }
      let isCurlyApostrophe =
        next + 2 < end && bytes[next] == 0xE2 && bytes[next + 1] == 0x80
        && (bytes[next + 2] == 0x99 || bytes[next + 2] == 0x98)
      if isCurlyApostrophe && next + 3 < end { return next + 3 }
    }
    return start
  }

  /// Base letters of the Latin-1 letter encoded as 0xC3 then `byte` ("é" → "e", "æ" → "ae");
  /// empty for the two symbols in that block (× and ÷).
  private static func latinBaseLetters(_ byte: UInt8) -> StaticString {
    switch byte {
    case 0x9F: return "ss"
    case 0xBF: return "y"
    default: break
    }
    // Lowercase letters sit 0x20 above their capitals in this block.
    let capital = byte >= 0xA0 ? byte &- 0x20 : byte
    switch capital {
    case 0x80...0x85: return "a"
    case 0x86: return "ae"
    case 0x87: return "c"
    case 0x88...0x8B: return "e"
    case 0x8C...0x8F: return "i"
    case 0x90: return "d"
    case 0x91: return "n"
    case 0x92...0x96, 0x98: return "o"
    case 0x99...0x9C: return "u"
    case 0x9D: return "y"
    case 0x9E: return "th"
    default: return ""
    }
  }
}
