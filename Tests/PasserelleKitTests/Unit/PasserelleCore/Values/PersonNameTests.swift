import Testing

@testable import PasserelleCore

struct PersonNameTests {
  private static func name(_ civility: String, _ first: String, _ last: String) -> PersonName {
    PersonName(civility: civility, firstName: first, lastName: last)
  }

  @Test(arguments: [
    // No capitals: first word, then the rest; a particle starts the last name.
    ("Claire Dubois", name("", "Claire", "Dubois")),
    ("Jean-Marc Martin", name("", "Jean-Marc", "Martin")),
    ("Jean de La Fontaine", name("", "Jean", "de La Fontaine")),
    ("Jean Paul de Gaulle", name("", "Jean Paul", "de Gaulle")),
    ("de Gaulle", name("", "", "de Gaulle")),
    ("Ludwig van Beethoven", name("", "Ludwig", "van Beethoven")),
    ("Leonardo da Vinci", name("", "Leonardo", "da Vinci")),
    ("Charles d'Artagnan", name("", "Charles", "d'Artagnan")),
    ("Sean O'Neil", name("", "Sean", "O'Neil")),
    ("Hélène Bérenger", name("", "Hélène", "Bérenger")),
    // Capitals are the last name wherever they stand.
    ("DUPONT Jean", name("", "Jean", "DUPONT")),
    ("Jean DUPONT", name("", "Jean", "DUPONT")),
    ("Jean-Pierre DE LA FONTAINE", name("", "Jean-Pierre", "DE LA FONTAINE")),
    ("Marie LE GALL-DURAND", name("", "Marie", "LE GALL-DURAND")),
    ("LE GALL-DURAND Marie-Anne", name("", "Marie-Anne", "LE GALL-DURAND")),
    ("BÉRENGER Hélène", name("", "Hélène", "BÉRENGER")),
    ("Élodie ÉTIENNE", name("", "Élodie", "ÉTIENNE")),
    ("Sean O'NEIL", name("", "Sean", "O'NEIL")),
    ("Charles d'ARTAGNAN", name("", "Charles", "d'ARTAGNAN")),
    ("Charles de GAULLE", name("", "Charles", "de GAULLE")),
    ("Jean P. DUPONT", name("", "Jean P.", "DUPONT")),
    ("JEAN DUPONT", name("", "JEAN", "DUPONT")),
    ("JEAN PAUL DE GAULLE", name("", "JEAN PAUL", "DE GAULLE")),
    // Single word, comma, spaces, empty.
    ("Dupont", name("", "", "Dupont")),
    ("Dupont, Jean", name("", "Jean", "Dupont")),
    ("DE LA FONTAINE,Jean-Pierre", name("", "Jean-Pierre", "DE LA FONTAINE")),
    ("  Jean    Dupont  ", name("", "Jean", "Dupont")),
    ("Jean\u{00A0}Dupont", name("", "Jean", "Dupont")),
    ("", name("", "", "")),
    ("   ", name("", "", "")),
    ("M.C. Dupont", name("", "M.C.", "Dupont")),
  ])
  func withoutCivility(raw: String, expected: PersonName) {
    #expect(PersonName.split(raw) == expected)
  }

  @Test(arguments: [
    ("M. Jean Dupont", name("M.", "Jean", "Dupont")),
    ("M DUPONT Jean", name("M.", "Jean", "DUPONT")),
    ("Mr. Jean P. DUPONT", name("M.", "Jean P.", "DUPONT")),
    ("MONSIEUR DUPONT", name("M.", "", "DUPONT")),
    ("M.Dupont", name("M.", "", "Dupont")),
    ("Mme DUPONT Marie", name("Mme", "Marie", "DUPONT")),
    ("madame claire dubois", name("Mme", "claire", "dubois")),
    ("Mme. Dupont, Marie", name("Mme", "Marie", "Dupont")),
    ("Dupont, Mme Marie", name("Mme", "Marie", "Dupont")),
    ("Mlle Sophie Martin", name("Mlle", "Sophie", "Martin")),
    ("Melle Sophie MARTIN", name("Mlle", "Sophie", "MARTIN")),
    ("Mademoiselle", name("Mlle", "", "")),
    ("  Madame  ", name("Mme", "", "")),
    ("Dr. Anne DURAND", name("Dr", "Anne", "DURAND")),
    ("docteur Anne Durand", name("Dr", "Anne", "Durand")),
    ("Maître Paul Lefèvre", name("Me", "Paul", "Lefèvre")),
    ("MAÎTRE Paul LEFÈVRE", name("Me", "Paul", "LEFÈVRE")),
    ("Me Paul de La Tour", name("Me", "Paul", "de La Tour")),
    ("Professeur Tournesol", name("Pr", "", "Tournesol")),
    ("Pr Tryphon TOURNESOL", name("Pr", "Tryphon", "TOURNESOL")),
  ])
  func withCivility(raw: String, expected: PersonName) {
    #expect(PersonName.split(raw) == expected)
  }
}

/// Names of ASCII and Latin-1 letters are read byte by byte: the verdict on capitals
/// must be the one Unicode's character properties give, for every such word.
struct NameWordsQuickPathTests {
  @Test func capitalsByBytesAgreeWithCharacterProperties() {
    // Every character of U+0020–U+00FF, alone, after a capital, and in a word.
    var words: [String] = []
    for value in 0x20...0xFF {
      let character = String(Unicode.Scalar(UInt8(value)))
      words += [
        character, "A" + character, character + "B", "d'" + character + "É", "É-" + character,
      ]
    }
    words += [
      "DUPONT", "d'ARTAGNAN", "BÉRENGER", "ÉTIENNE", "LE GALL", "O'NEIL", "ÀÖØÞ", "ß", "×", "Ÿ",
    ]
    for word in words where NameWords.isASCIIOrLatin1Letters(word.utf8) {
      #expect(
        NameWords.isInCapitalsLatin1(word.utf8) == NameWords.isInCapitalsByCharacters(word),
        "\(word)")
    }
    // The 160 characters of ASCII and U+00C0–U+00FF in five shapes, and the names.
    #expect(words.filter { NameWords.isASCIIOrLatin1Letters($0.utf8) }.count == 160 * 5 + 9)
  }

  @Test func wordsByBytesAgreeWithCharacterWhitespace() {
    let names = [
      "Jean  Dupont", "Hélène\tBÉRENGER", "  Élodie ÉTIENNE ", "Jean\r\nDupont", "Zoë Ørsted",
      "ÀÉÎÕÜ àéîõü", "a\u{0B}b\u{0C}c",
    ]
    for name in names {
      #expect(NameWords.isASCIIOrLatin1Letters(name.utf8))
      #expect(
        NameWords.words(Substring(name))
          == name.split(whereSeparator: \.isWhitespace).map(String.init))
    }
    // Outside those letters, whitespace is found by character properties.
    #expect(!NameWords.isASCIIOrLatin1Letters("Jean\u{00A0}Dupont".utf8))
    #expect(!NameWords.isASCIIOrLatin1Letters("E\u{301}tienne".utf8))
  }
}

/// Two-word names are read without a list of words: the parts must be those the
/// word-by-word reading gives, for every pair of a vocabulary that crosses the rules
/// (capitals, particles, civilities, accents, elisions, spacing).
struct PersonNameTwoWordsTests {
  private static let vocabulary = [
    "Jean", "DUPONT", "Dupont", "de", "DE", "du", "la", "LE", "van", "d'Artagnan", "D'ARTAGNAN",
    "Hélène", "BÉRENGER", "Élodie", "M", "Mme", "MADAME", "docteur", "Pr", "Maître", "Marie",
    "Pierre", "LE-GALL", "O'Neil", "x", "Y", "é", "DÉ", "Mlle", "Dr",
  ]

  @Test func everyPairReadsAsWordByWord() {
    var read = 0
    for first in Self.vocabulary {
      for second in Self.vocabulary {
        for spacing in [" ", "  ", "\t", " \t "] {
          let full = " " + first + spacing + second + " "
          guard let quick = PersonName.twoWords(full) else { continue }
          read += 1
          #expect(quick == PersonName.byWords(full), "\(full)")
        }
      }
    }
    // The quick reading must have taken most pairs: only civilities are left out.
    #expect(read > 2 * Self.vocabulary.count * Self.vocabulary.count)
  }

  @Test func otherShapesAreLeftToTheWordByWordReading() {
    for full in ["Jean", "Jean P. DUPONT", "Dupont, Jean", "M. Dupont", "Jean Paul DUPONT", ""] {
      #expect(PersonName.twoWords(full) == nil, "\(full)")
    }
  }
}
