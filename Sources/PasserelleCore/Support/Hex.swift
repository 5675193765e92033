/// Lowercase hexadecimal, as hashes and ids are written everywhere (manifest,
/// payloads, reports, contact ids).
package enum Hex {
  static let digits: [UInt8] = Array("0123456789abcdef".utf8)

  /// Two digits per byte.
  package static func string(_ bytes: UnsafeRawBufferPointer) -> String {
    string(prefix: "", bytes)
  }

  /// `prefix` then two digits per byte, written straight into the string's storage:
  /// a derived contact id is made for every main contact of a company export.
  package static func string(prefix: String, _ bytes: UnsafeRawBufferPointer) -> String {
    var prefix = prefix
    return prefix.withUTF8 { prefix in
      String(unsafeUninitializedCapacity: prefix.count + bytes.count * 2) { text in
        var written = 0
        for byte in prefix {
          text[written] = byte
          written += 1
        }
        for byte in bytes {
          text[written] = digits[Int(byte >> 4)]
          text[written + 1] = digits[Int(byte & 0x0F)]
          written += 2
        }
        return written
      }
    }
  }

  /// Two digits per byte.
  package static func string(_ bytes: some Sequence<UInt8>) -> String {
    Array(bytes).withUnsafeBytes { string($0) }
  }
}
