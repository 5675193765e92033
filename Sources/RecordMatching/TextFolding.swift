import Foundation

/// Text reduced to what a person means by it: lowercase ASCII words, accents and
/// punctuation gone, so that "S.A.R.L. Boulangerie Lefèvre" and "sarl boulangerie
/// lefevre" read alike.
package enum TextFolding {
  /// The words of `text`: lowercase, accents removed, dots inside acronyms joined
  /// ("S.A.R.L." is one word), `&` read as "et", any other punctuation a separator.
  package static func words(_ text: String) -> [String] {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    var words: [String] = []
    var current = ""
    for scalar in folded.unicodeScalars {
      if scalar == "." { continue }
      if scalar == "&" {
        flush(&current, into: &words)
        words.append("et")
      } else if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
        current.unicodeScalars.append(scalar)
      } else if scalar == "œ" || scalar == "Œ" {
        current += "oe"
      } else if scalar == "æ" || scalar == "Æ" {
        current += "ae"
      } else {
        flush(&current, into: &words)
      }
    }
    flush(&current, into: &words)
    return words
  }

  /// The digits of `text`, in order.
  package static func digits(_ text: String) -> String {
    String(text.unicodeScalars.filter { $0.isASCII && ("0"..."9").contains($0) })
  }

  private static func flush(_ current: inout String, into words: inout [String]) {
    guard !current.isEmpty else { return }
    words.append(current.lowercased())
    current = ""
  }
}
