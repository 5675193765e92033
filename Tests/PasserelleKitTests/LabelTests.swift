import Testing

@testable import PasserelleKit

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
