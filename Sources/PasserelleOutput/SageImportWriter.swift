import Foundation
import PasserelleCore

/// Writes a Sage 50 FR import file: a header line of Sage labels, TAB-separated
/// values, Windows-1252, CRLF (`docs/sage50-files.md`). Values never carry a TAB or a
/// line break; text Windows-1252 cannot hold is transliterated where a faithful
/// form exists (`ō` → `o`) and otherwise replaced, and the caller is told.
package final class SageImportWriter {
  /// What became of a value on its way to Windows-1252.
  package struct Encoded {
    package var bytes: [UInt8]
    /// Characters written in another form (`ō` → `o`).
    package var transliterated = false
    /// Characters with no form in Windows-1252, written as `?`.
    package var replaced = false
    /// TAB, CR or LF written as a space.
    package var flattened = false
  }

  private let output: OutputFile
  let path: String
  private(set) var rowCount = 0

  init(path: String, labels: [String]) throws {
    self.path = path
    output = try OutputFile(path: path)
    try writeRow(labels.map { Self.encode($0).bytes })
  }

  func writeRow(_ values: [[UInt8]]) throws {
    var line: [UInt8] = []
    line.reserveCapacity(256)
    for (index, value) in values.enumerated() {
      if index > 0 { line.append(0x09) }
      line.append(contentsOf: value)
    }
    line.append(0x0D)
    line.append(0x0A)
    try output.write(line)
    rowCount += 1
  }

  func close() throws { try output.close() }

  package static func encode(_ value: String) -> Encoded {
    var encoded = Encoded(bytes: [])
    encoded.bytes.reserveCapacity(value.utf8.count)
    // Composed first: `e` + combining acute is `é`, which Windows-1252 holds.
    for scalar in value.precomposedStringWithCanonicalMapping.unicodeScalars {
      if (0x0300...0x036F).contains(scalar.value) {
        encoded.transliterated = true  // a mark with no composed form: dropped
        continue
      }
      switch scalar {
      case "\t", "\r", "\n":
        encoded.bytes.append(0x20)
        encoded.flattened = true
      default:
        if let byte = Windows1252.encode(scalar), byte >= 0x20 || byte == 0x09 {
          encoded.bytes.append(byte)
        } else if let form = transliteration(of: scalar) {
          encoded.bytes.append(contentsOf: form)
          encoded.transliterated = true
        } else {
          encoded.bytes.append(UInt8(ascii: "?"))
          encoded.replaced = true
        }
      }
    }
    return encoded
  }

  /// The compatibility decomposition without its combining marks (`ō` → `o`,
  /// `ﬁ` → `fi`), when every part of it fits Windows-1252.
  private static func transliteration(of scalar: Unicode.Scalar) -> [UInt8]? {
    let decomposed = String(scalar).decomposedStringWithCompatibilityMapping
    var bytes: [UInt8] = []
    for part in decomposed.unicodeScalars {
      if (0x0300...0x036F).contains(part.value) { continue }  // combining marks
      guard let byte = Windows1252.encode(part), byte >= 0x20 else { return nil }
      bytes.append(byte)
    }
    return bytes.isEmpty ? nil : bytes
  }
}
