import Testing

@testable import PasserelleCore
@testable import PasserelleReading

@Suite struct LabelTests {
  @Test(arguments: [
    ("N° TVA intracom", "N_TVA_intracom"),
    ("Fonction  du contact", "fonction du contact"),
    ("Téléphone  du contact", "TELEPHONE DU CONTACT"),
    ("NAF (APE)", "NAF_APE"),
    ("Intitulé.CtAna", "Intitule CtAna"),
    ("E-mail", "E_mail"),
    ("Société", "societe"),
  ])
  func labelsMatchWhateverTheirSpelling(label: String, variant: String) {
    #expect(LabelKey.normalise(label) == LabelKey.normalise(variant))
  }

  @Test func differentLabelsStayDifferent() {
    #expect(LabelKey.normalise("Adresse 1") != LabelKey.normalise("Adresse 2"))
    #expect(LabelKey.normalise("Code") != LabelKey.normalise("Code Postal"))
  }
}

@Suite struct LabelKeyQuickPathTests {
  /// Every Latin-1 character, alone, between letters and in capitals, gives what
  /// Foundation's folding gives: the quick path for French text changes nothing.
  @Test func theLatinPathAgreesWithFoundationsFolding() {
    for value in UInt32(0x20)...0x17F {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let character = String(Character(scalar))
      for text in [character, "a\(character)b", "N\(character) TVA", "\(character)\(character)"] {
        #expect(
          LabelKey.normalise(text) == LabelKey.normaliseByFolding(text),
          "U+\(String(value, radix: 16)) in \(text)")
      }
    }
    for text in ["Hélène LEFÈVRE", "Société du contact", "Œuvre", "Ça va", "Nº", "François-Xavier"]
    {
      #expect(LabelKey.normalise(text) == LabelKey.normaliseByFolding(text), "\(text)")
    }
    #expect(LabelKey.normalise("Hélène  LEFÈVRE") == "helene lefevre")
  }
}
