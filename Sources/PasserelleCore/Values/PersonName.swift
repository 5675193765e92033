/// A person's name in the three parts Sales Management stores separately for a contact.
public struct PersonName: Sendable, Equatable {
  /// Normalised civility ("M.", "Mme", "Mlle", "Dr", "Me", "Pr") or empty.
  public var civility: String
  public var firstName: String
  public var lastName: String

  public init(civility: String = "", firstName: String = "", lastName: String = "") {
    self.civility = civility
    self.firstName = firstName
    self.lastName = lastName
  }
}

extension PersonName {
  /// Splits a name typed in one Sage field ("Nom du contact", "Nom contact").
  ///
  /// - Spaces are trimmed and collapsed; an empty name gives three empty parts.
  /// - A leading civility is taken out, matched case-insensitively with or without its dot
  ///   (M, Mr, Monsieur, Mme, Madame, Mlle, Melle, Mademoiselle, Dr, Docteur, Me, Maître,
  ///   Pr, Professeur), and returned normalised: M., Mme, Mlle, Dr, Me, Pr. A civility alone
  ///   leaves both names empty.
  /// - With a comma, the part before it is the last name and the part after the first name
  ///   ("Dupont, Jean").
  /// - A single word is the last name only.
  /// - Words written fully in capitals (at least 2 letters; hyphens, apostrophes and accented
  ///   capitals allowed, after an optional elided "d'") are the last name wherever they stand,
  ///   together with lowercase particles just before or between them ("DUPONT Jean",
  ///   "Charles de GAULLE"); the other words are the first name.
  /// - Otherwise (no word in capitals, or every word in capitals, which says nothing), the first
  ///   word is the first name and the rest the last name; but a particle (de, du, des, d', le,
  ///   la, van, von, da, di: in lowercase, or in capitals in an all-capitals name) after the
  ///   first word starts the last name, so that "Jean Paul de Gaulle" keeps "Jean Paul" whole.
  ///   A name that starts with a particle is all last name ("de Gaulle").
  /// - Hyphenated first names stay whole, as splitting happens at spaces only.
  public static func split(_ full: String) -> PersonName {
    var main = Substring(full)
    var afterComma: Substring? = nil
    // A comma is one byte and one character: found without walking characters.
    if let comma = full.utf8.firstIndex(of: UInt8(ascii: ",")) {
      main = full[..<comma]
      afterComma = full[full.index(after: comma)...]
    }

    var words = NameWords.words(main)
    var civility = NameWords.takeCivility(&words)

    if let afterComma {
      var given = NameWords.words(afterComma.replacing(",", with: " "))
      if civility.isEmpty { civility = NameWords.takeCivility(&given) }
      return PersonName(
        civility: civility, firstName: given.joined(separator: " "),
        lastName: words.joined(separator: " "))
    }
    let (first, last) = NameWords.split(words)
    return PersonName(
      civility: civility, firstName: first.joined(separator: " "),
      lastName: last.joined(separator: " "))
  }
}

/// The word-level rules behind `PersonName.split`.
package enum NameWords {
  /// True when every character is ASCII or one of U+00C0–U+00FF (UTF-8 lead byte
  /// C3: the accented letters of French names): such text has no combining mark and
  /// no whitespace outside ASCII, so a name is read byte by byte.
  @inline(__always)
  static func isASCIIOrLatin1Letters(_ utf8: some Collection<UInt8>) -> Bool {
    utf8.allSatisfy { $0 < 0xC0 || $0 == 0xC3 }
  }

  static func words(_ text: Substring) -> [String] {
    // Most names: split on ASCII whitespace bytes, without walking characters.
    if isASCIIOrLatin1Letters(text.utf8) {
      return text.utf8.split(whereSeparator: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }).map {
        String(decoding: $0, as: UTF8.self)
      }
    }
    return text.split(whereSeparator: \.isWhitespace).map(String.init)
  }

  /// Lowercased spelling (without a final dot) → normalised civility.
  private static let civilities: [String: String] = [
    "m": "M.", "mr": "M.", "monsieur": "M.",
    "mme": "Mme", "madame": "Mme",
    "mlle": "Mlle", "melle": "Mlle", "mademoiselle": "Mlle",
    "dr": "Dr", "docteur": "Dr",
    "me": "Me", "maître": "Me", "maitre": "Me",
    "pr": "Pr", "professeur": "Pr",
  ]

  /// The first byte of a word, in lowercase when it is an ASCII letter: every
  /// civility starts with m, d or p, every particle with d, l or v, whatever the
  /// case, so most words are ruled out before any lowercasing or lookup.
  private static func initial(_ word: String) -> UInt8 {
    // Only an ASCII letter's two cases meet one of those letters under 0x20.
    (word.utf8.first ?? 0) | 0x20
  }

  /// Removes a leading civility from `words` and returns it normalised, or "".
  static func takeCivility(_ words: inout [String]) -> String {
    guard let head = words.first else { return "" }
    switch initial(head) {
    case UInt8(ascii: "m"), UInt8(ascii: "d"), UInt8(ascii: "p"): break
    default: return ""
    }
    var key = head.lowercased()
    if key.hasSuffix(".") { key.removeLast() }
    if let civility = civilities[key] {
      words.removeFirst()
      return civility
    }
    // "M.Dupont": a dotted civility glued to the name (but "M.C." is a pair of initials).
    if let dot = head.firstIndex(of: "."), let civility = civilities[head[..<dot].lowercased()] {
      let name = head[head.index(after: dot)...]
      if name.count >= 2 && !name.contains(".") {
        words[0] = String(name)
        return civility
      }
    }
    return ""
  }

  private static let particles: Set<String> = [
    "de", "du", "des", "le", "la", "van", "von", "da", "di",
  ]

  /// A particle as written in lowercase, or in capitals when `capitals` (an all-capitals name).
  private static let elidedInCapitals = ["D'", "D\u{2019}"]
  private static let elided = ["d'", "d\u{2019}"]

  static func isParticle(_ word: String, capitals: Bool) -> Bool {
    switch initial(word) {
    case UInt8(ascii: "d"), UInt8(ascii: "l"), UInt8(ascii: "v"): break
    default: return false
    }
    let prefixes = capitals ? elidedInCapitals : elided
    if prefixes.contains(where: { word.hasPrefix($0) && word.count > 2 }) { return true }
    if capitals { return word == word.uppercased() && particles.contains(word.lowercased()) }
    return particles.contains(word)
  }

  /// At least two letters, all capitals; hyphens and apostrophes allowed, and a leading
  /// lowercase "d'" ("d'ARTAGNAN").
  static func isInCapitals(_ word: String) -> Bool {
    if isASCIIOrLatin1Letters(word.utf8) { return isInCapitalsLatin1(word.utf8) }
    return isInCapitalsByCharacters(word)
  }

  /// `isInCapitals` by Unicode character properties, for any text.
  static func isInCapitalsByCharacters(_ word: String) -> Bool {
    var rest = Substring(word)
    if rest.hasPrefix("d'") || rest.hasPrefix("d\u{2019}") { rest = rest.dropFirst(2) }
    var letters = 0
    for character in rest {
      if character.isLetter {
        guard character.isUppercase else { return false }
        letters += 1
      } else if character != "-" && character != "'" && character != "\u{2019}" {
        return false
      }
    }
    return letters >= 2
  }

  /// `isInCapitals` for ASCII and the Latin-1 letters (C3 and one byte: U+00C0–U+00FF),
  /// where a character is one or two bytes. The capitals there are U+00C0–U+00D6 and
  /// U+00D8–U+00DE; U+00D7 and U+00F7 are signs.
  static func isInCapitalsLatin1(_ word: String.UTF8View) -> Bool {
    var rest = word[...]
    if rest.starts(with: "d'".utf8) { rest = rest.dropFirst(2) }
    var letters = 0
    var bytes = rest.makeIterator()
    while let byte = bytes.next() {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): letters += 1
      case UInt8(ascii: "-"), UInt8(ascii: "'"): continue
      case 0xC3:
        switch bytes.next().map({ 0x40 + Int($0) }) {
        case (0xC0...0xD6)?, (0xD8...0xDE)?: letters += 1
        default: return false
        }
      default: return false
      }
    }
    return letters >= 2
  }

  static func split(_ words: [String]) -> (first: [String], last: [String]) {
    if words.count <= 1 { return ([], words) }
    let capitals = words.map(isInCapitals)
    let capitalCount = capitals.count(where: { $0 })
    if capitalCount == 0 || capitalCount == words.count {
      return splitByPosition(words, allCapitals: capitalCount > 0)
    }

    var start = capitals.firstIndex(of: true)!
    let end = capitals.lastIndex(of: true)!
    while start > 0 && isParticle(words[start - 1], capitals: false) { start -= 1 }
    var first: [String] = []
    var last: [String] = []
    for (index, word) in words.enumerated() {
      let inLastName =
        (start...end).contains(index) && (capitals[index] || isParticle(word, capitals: false))
      if inLastName { last.append(word) } else { first.append(word) }
    }
    return (first, last)
  }

  private static func splitByPosition(_ words: [String], allCapitals: Bool)
    -> (first: [String], last: [String])
  {
    let particle = words.indices.first { isParticle(words[$0], capitals: allCapitals) }
    switch particle {
    case 0?: return ([], words)
    case let index?: return (Array(words[..<index]), Array(words[index...]))
    case nil: return ([words[0]], Array(words[1...]))
    }
  }
}
