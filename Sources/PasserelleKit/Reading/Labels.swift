import Foundation

/// Column labels compared the way people read them: case, accents, punctuation
/// and spacing do not matter ("N° TVA intracom", "N_TVA_intracom" and
/// "n° tva  intracom" are one label; so are Sage's double-spaced labels).
public enum LabelKey {
  public static func normalise(_ label: String) -> String {
    if let ascii = normaliseASCII(label) { return ascii }
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

  /// The same result for plain ASCII text, without Foundation's folding (which
  /// costs microseconds per call: too much on a per-row path).
  private static func normaliseASCII(_ label: String) -> String? {
    var label = label
    return label.withUTF8 { bytes -> String? in
      var key: [UInt8] = []
      key.reserveCapacity(bytes.count)
      var pendingSpace = false
      for byte in bytes {
        if byte >= 0x80 { return nil }
        let lower = byte | 0x20
        if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
          if pendingSpace && !key.isEmpty { key.append(0x20) }
          pendingSpace = false
          key.append(byte >= 0x30 && byte <= 0x39 ? byte : lower)
        } else {
          pendingSpace = true
        }
      }
      return String(decoding: key, as: UTF8.self)
    }
  }
}

/// A field an entity reads, known by its Sage label and its aliases (other
/// labels users or Sage versions give the same column).
public struct FieldLabel: Sendable, Hashable {
  public let label: String
  public let aliases: [String]

  public init(_ label: String, aliases: [String] = []) {
    self.label = label
    self.aliases = aliases
  }

  var keys: [String] { ([label] + aliases).map(LabelKey.normalise) }
}

/// Where each label sits in one file's header.
public struct Header: Sendable {
  public let labels: [String]
  private let positions: [String: Int]

  public init(labels: [String]) {
    self.labels = labels
    var positions: [String: Int] = [:]
    for (index, label) in labels.enumerated() {
      let key = LabelKey.normalise(label)
      if positions[key] == nil { positions[key] = index }
    }
    self.positions = positions
  }

  public func column(_ field: FieldLabel) -> Int? {
    for key in field.keys { if let index = positions[key] { return index } }
    return nil
  }

  public func contains(_ field: FieldLabel) -> Bool { column(field) != nil }
}
