import Foundation

/// A record's shared values by Sage label, as the manifest keeps them: what Sage
/// holds (from its last export or our last import) and what both sides last agreed.
package struct FieldSnapshot: Sendable, Equatable {
  package var values: [String: String]

  package init(_ values: [String: String] = [:]) { self.values = values }

  private static let pairSeparator: Character = "\u{1E}"
  private static let valueSeparator: Character = "\u{1F}"

  package init?(encoded: Data?) {
    guard let encoded else { return nil }
    values = [:]
    let text = String(decoding: encoded, as: UTF8.self)
    for pair in text.split(separator: Self.pairSeparator, omittingEmptySubsequences: true) {
      let parts = pair.split(
        separator: Self.valueSeparator, maxSplits: 1, omittingEmptySubsequences: false)
      values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
    }
  }

  /// Label, unit separator, value; records separated; in label order, so that the
  /// same values always give the same bytes.
  package var encoded: Data {
    var bytes: [UInt8] = []
    for label in values.keys.sorted() {
      if !bytes.isEmpty { bytes.append(0x1E) }
      bytes.append(contentsOf: label.utf8)
      bytes.append(0x1F)
      bytes.append(contentsOf: values[label]!.utf8)
    }
    return Data(bytes)
  }

  /// Writes the snapshot of a Sage row straight from its field bytes: it is built
  /// for every contact and prospect row of an export, so without a dictionary or a
  /// string per field. Control characters (the separators among them) become spaces.
  package struct Builder {
    package private(set) var bytes: [UInt8] = []

    package init() { bytes.reserveCapacity(256) }

    private mutating func label(_ label: StaticString) {
      if !bytes.isEmpty { bytes.append(0x1E) }
      label.withUTF8Buffer { bytes.append(contentsOf: $0) }
      bytes.append(0x1F)
    }

    package mutating func add(_ name: StaticString, _ value: String) {
      label(name)
      for byte in value.utf8 { bytes.append(byte < 0x20 ? 0x20 : byte) }
    }

    /// Records that SM was sent nothing for `key` although Sage holds a value (it
    /// was left out as invalid): SM's empty field is then not a change.
    package mutating func leftOut(
      _ key: StaticString, holding raw: UnsafeRawBufferPointer, sent: String
    ) {
      guard sent.isEmpty && !raw.isEmpty else { return }
      if !bytes.isEmpty { bytes.append(0x1E) }
      bytes.append(UInt8(ascii: "="))
      key.withUTF8Buffer { bytes.append(contentsOf: $0) }
      bytes.append(0x1F)
    }

    package mutating func add(
      _ name: StaticString, _ value: UnsafeRawBufferPointer, encoding: TextEncoding
    ) {
      label(name)
      for byte in value {
        if byte < 0x20 {
          bytes.append(0x20)
        } else if byte >= 0x80 && encoding == .windows1252 {
          bytes.append(contentsOf: Windows1252.utf8[Int(byte) - 0x80])
        } else {
          bytes.append(byte)
        }
      }
    }

  }
}
