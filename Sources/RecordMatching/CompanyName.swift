/// A company's name as a set of meaningful words: legal forms (SARL, S.A.S., …),
/// articles and generic words such as "Société" or "Ets" left out, word order
/// ignored. Reps type "Boulangerie Lefevre" for Sage's "SARL Boulangerie Lefèvre".
package enum CompanyName {
  /// Forms of companies under French law, as written without dots.
  static let legalForms: Set<String> = [
    "sarl", "sarlu", "sas", "sasu", "sa", "eurl", "snc", "sci", "scop", "scp", "sca", "scs",
    "selarl", "selas", "selafa", "sem", "gie", "ei", "eirl", "earl", "gaec",
  ]

  /// Words that say nothing of which company it is.
  static let fillers: Set<String> = [
    "le", "la", "les", "l", "de", "du", "des", "d", "et", "a", "au", "aux", "en", "sur",
    "chez", "ste", "societe", "ets", "etablissement", "etablissements", "cie", "compagnie",
  ]

  /// The name's meaningful words, sorted.
  package static func tokens(_ name: String) -> [String] {
    TextFolding.words(name).compactMap { word -> String? in
      if legalForms.contains(word) || fillers.contains(word) { return nil }
      return word == "st" ? "saint" : word
    }.sorted()
  }
}
