/// How alike two lists of words are, forgiving one typing slip per word
/// ("Boulangrie" for "Boulangerie") and a word left out of a longer name.
package enum WordSimilarity {
  /// The share of words the two lists have in common, from 0 to 1 (Dice
  /// coefficient over words that are equal or one slip apart).
  package static func score(_ left: [String], _ right: [String]) -> Double {
    guard !left.isEmpty, !right.isEmpty else { return 0 }
    var unmatched = right
    var matches = 0
    for word in left {
      if let index = unmatched.firstIndex(where: { alike(word, $0) }) {
        unmatched.remove(at: index)
        matches += 1
      }
    }
    return Double(2 * matches) / Double(left.count + right.count)
  }

  /// Equal, or (words of five letters or more) one insertion, deletion or
  /// substitution apart.
  static func alike(_ left: String, _ right: String) -> Bool {
    if left == right { return true }
    let (a, b) = (Array(left.utf8), Array(right.utf8))
    guard min(a.count, b.count) >= 5, abs(a.count - b.count) <= 1 else { return false }
    return withinOneEdit(a, b)
  }

  private static func withinOneEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    var (i, j, edits) = (0, 0, 0)
    while i < a.count, j < b.count {
      if a[i] == b[j] {
        i += 1
        j += 1
        continue
      }
      edits += 1
      if edits > 1 { return false }
      if a.count > b.count {
        i += 1
      } else if b.count > a.count {
        j += 1
      } else {
        i += 1
        j += 1
      }
    }
    return edits + (a.count - i) + (b.count - j) <= 1
  }
}
