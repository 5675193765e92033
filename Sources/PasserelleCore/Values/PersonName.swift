/// A person's name in the three parts Sales Management stores separately for a contact.
package struct PersonName: Sendable, Equatable {
  /// Normalised civility ("M.", "Mme", "Mlle", "Dr", "Me", "Pr") or empty.
  package var civility: String
  package var firstName: String
  package var lastName: String

  package init(civility: String = "", firstName: String = "", lastName: String = "") {
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
  package static func split(_ full: String) -> PersonName {
    twoWords(full) ?? byWords(full)
  }

  /// `split` of the most common shape, two words of ASCII or Latin-1 letters with no
  /// comma, dot or civility ("Jean DUPONT"), read without making a list of words:
  /// most contacts of an export are named so. Nil for any other shape.
  static func twoWords(_ full: String) -> PersonName? {
    var full = full
    return full.withUTF8 { bytes -> PersonName? in
      guard NameWords.isASCIIOrLatin1Letters(bytes),
        !bytes.contains(UInt8(ascii: ",")), !bytes.contains(UInt8(ascii: ".")),
        let (first, second) = NameWords.twoWords(bytes),
        NameWords.civility(first) == nil
      else { return nil }
      let (firstInCapitals, secondInCapitals) =
        (NameWords.isInCapitals(first), NameWords.isInCapitals(second))
      if firstInCapitals && !secondInCapitals {
        return PersonName(firstName: second, lastName: first)
      }
      // A particle first starts the last name ("de Gaulle", "de GAULLE", "DE GAULLE").
      if NameWords.isParticle(first, capitals: firstInCapitals && secondInCapitals) {
        return PersonName(lastName: first + " " + second)
      }
      return PersonName(firstName: first, lastName: second)
    }
  }

  /// `split` of any name, word by word.
  static func byWords(_ full: String) -> PersonName {
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
