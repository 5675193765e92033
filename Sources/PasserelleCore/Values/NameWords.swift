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
      return text.utf8.split(whereSeparator: isSpaceByte).map {
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

  /// The two words of `bytes` (ASCII whitespace around and between them); nil when
  /// it holds another number of words.
  static func twoWords(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, String)? {
    var words: (first: Range<Int>?, second: Range<Int>?) = (nil, nil)
    var start: Int? = nil
    for index in 0...bytes.count {
      let isSpace = index == bytes.count || isSpaceByte(bytes[index])
      if isSpace, let wordStart = start {
        if words.first == nil {
          words.first = wordStart..<index
        } else if words.second == nil {
          words.second = wordStart..<index
        } else {
          return nil
        }
        start = nil
      } else if !isSpace && start == nil {
        start = index
      }
    }
    guard let first = words.first, let second = words.second else { return nil }
    return (
      String(decoding: bytes[first], as: UTF8.self), String(decoding: bytes[second], as: UTF8.self)
    )
  }

  @inline(__always)
  private static func isSpaceByte(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }

  /// The normalised civility `word` spells (a final dot allowed), or nil.
  static func civility(_ word: String) -> String? {
    switch initial(word) {
    case UInt8(ascii: "m"), UInt8(ascii: "d"), UInt8(ascii: "p"): break
    default: return nil
    }
    var key = word.lowercased()
    if key.hasSuffix(".") { key.removeLast() }
    return civilities[key]
  }

  /// Removes a leading civility from `words` and returns it normalised, or "".
  static func takeCivility(_ words: inout [String]) -> String {
    guard let head = words.first else { return "" }
    if let civility = civility(head) {
      words.removeFirst()
      return civility
    }
    // "M.Dupont": a dotted civility glued to the name (but "M.C." is a pair of initials).
    if let dot = head.firstIndex(of: "."), let civility = civility(String(head[..<dot])) {
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
