import Foundation

/// Text reduced to what a person means by it: lowercase ASCII words, accents and
/// punctuation gone, so that "S.A.R.L. Boulangerie Lefèvre" and "sarl boulangerie
/// lefevre" read alike.
package enum TextFolding {
  /// The words of `text`: lowercase, accents removed, dots inside acronyms joined
  /// ("S.A.R.L." is one word), a decimal mark kept as a dot ("1,5" and "1.5" are
  /// "1.5", never "15"), `&` read as "et", any other punctuation a separator.
  package static func words(_ text: String) -> [String] {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    let scalars = Array(folded.unicodeScalars)
    var words: [String] = []
    var current = ""
    for (index, scalar) in scalars.enumerated() {
      if scalar == "." || scalar == "," {
        if isDigit(current.unicodeScalars.last), index + 1 < scalars.count,
          isDigit(scalars[index + 1])
        {
          current += "."
        } else if scalar == "," {
          flush(&current, into: &words)
        }
        continue
      }
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

  private static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
    scalar.map { $0.isASCII && ("0"..."9").contains($0) } ?? false
  }

  private static func flush(_ current: inout String, into words: inout [String]) {
    guard !current.isEmpty else { return }
    words.append(current.lowercased())
    current = ""
  }
}
