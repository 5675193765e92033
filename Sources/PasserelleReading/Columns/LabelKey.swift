import Foundation
import PasserelleCore

/// Column labels compared the way people read them: case, accents, punctuation
/// and spacing do not matter ("N° TVA intracom", "N_TVA_intracom" and
/// "n° tva  intracom" are one label; so are Sage's double-spaced labels).
package enum LabelKey {
  package static func normalise(_ label: String) -> String {
    normaliseLatin(label) ?? normaliseByFolding(label)
  }

  /// Foundation's folding, for any text.
  static func normaliseByFolding(_ label: String) -> String {
    let folded = label.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    var key = ""
    key.reserveCapacity(folded.utf8.count)
    var pendingSpace = false
    for scalar in folded.unicodeScalars {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        if pendingSpace && !key.isEmpty { key.append(" ") }
        pendingSpace = false
        key.unicodeScalars.append(scalar)
      } else {
        pendingSpace = true
      }
    }
    return key
  }

  /// `normalise(first + " " + second)`, handed to `body` as UTF-8 bytes without
  /// joining the two or making a string of the key: a derived contact id hashes the
  /// key of the name of each main contact of a company export.
  package static func withNormalised<Result>(
    _ first: String, _ second: String, _ body: (UnsafeRawBufferPointer) -> Result
  ) -> Result {
    let capacity = 2 * (first.utf8.count + second.utf8.count) + 2
    let latin: Result? = ScratchBytes.with(capacity: capacity) { key in
      var pendingSpace = false
      guard appendLatin(first, to: &key, pendingSpace: &pendingSpace) else { return nil }
      pendingSpace = true
      guard appendLatin(second, to: &key, pendingSpace: &pendingSpace) else { return nil }
      return body(UnsafeRawBufferPointer(key.bytes))
    }
    if let latin { return latin }
    var key = normaliseByFolding(first + " " + second)
    return key.withUTF8 { body(UnsafeRawBufferPointer($0)) }
  }

  /// The same result for ASCII text and the accented Latin-1 letters French uses,
  /// without Foundation's folding (which costs microseconds per call: too much on a
  /// per-row path); nil for any other character.
  private static func normaliseLatin(_ label: String) -> String? {
    // Each scalar gives at most one byte, and a space before it.
    ScratchBytes.with(capacity: 2 * label.utf8.count) { key in
      var pendingSpace = false
      guard appendLatin(label, to: &key, pendingSpace: &pendingSpace) else { return nil }
      return key.string
    }
  }

  /// Appends `label`'s key to `key`; false at the first character `normaliseLatin`
  /// leaves to Foundation. `pendingSpace` says a separator came last.
  private static func appendLatin(
    _ label: String, to key: inout ScratchBytes, pendingSpace: inout Bool
  ) -> Bool {
    for scalar in label.unicodeScalars {
      let value = scalar.value
      var folded: UInt8 = 0
      if value < 0x80 {
        let byte = UInt8(value)
        let lower = byte | 0x20
        if lower >= 0x61 && lower <= 0x7A {
          folded = lower
        } else if byte >= 0x30 && byte <= 0x39 {
          folded = byte
        }
      } else if value >= 0xC0 && value <= 0xFF, latinBases[Int(value - 0xC0)] != 0 {
        folded = latinBases[Int(value - 0xC0)]
      } else {
        return false
      }
      if folded == 0 {
        pendingSpace = true
        continue
      }
      if pendingSpace && key.count > 0 { key.append(0x20) }
      pendingSpace = false
      key.append(folded)
    }
    return true
  }

  /// U+00C0…U+00FF → the lowercase ASCII letter it carries an accent on, or 0 when
  /// it is no such letter (Æ, Ð, ×, Ø, Þ, ß…: left to Foundation).
  private static let latinBases: [UInt8] = Array(
    "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y".utf8)
}
