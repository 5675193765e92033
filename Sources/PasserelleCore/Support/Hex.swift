/// Lowercase hexadecimal, as hashes and ids are written everywhere (manifest,
/// payloads, reports, contact ids).
package enum Hex {
  static let digits: [UInt8] = Array("0123456789abcdef".utf8)

  /// Two digits per byte, written straight into the string's storage: a derived
  /// contact id is made for every main contact of a company export.
  package static func string(_ bytes: UnsafeRawBufferPointer) -> String {
    String(unsafeUninitializedCapacity: bytes.count * 2) { text in
      for (index, byte) in bytes.enumerated() {
        text[2 * index] = digits[Int(byte >> 4)]
        text[2 * index + 1] = digits[Int(byte & 0x0F)]
      }
      return bytes.count * 2
    }
  }

  /// Two digits per byte.
  package static func string(_ bytes: some Sequence<UInt8>) -> String {
    Array(bytes).withUnsafeBytes { string($0) }
  }
}
