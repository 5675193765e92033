import Crypto
import Foundation

/// Content fingerprints and deterministic operation ids.
package enum Digest {
  /// One hash of an upsert's data gives both its fingerprint (first half: 128 bits put
  /// collisions out of reach of any dossier) and its guid (second half): the data holds
  /// the key, so equal data means the same operation.
  /// `lines`, when given, is hashed after `data` as if the two were one buffer (a
  /// document's lines beside its data), without joining them first.
  package static func upsert(_ data: [UInt8], _ lines: [UInt8] = []) -> (
    fingerprint: Fingerprint, guid: String
  ) {
    var hasher = SHA256()
    hash(data, into: &hasher)
    hash(lines, into: &hasher)
    return digest(hasher)
  }

  /// `upsert` of an open object, hashed as it will be written once closed.
  package static func upsert(_ object: JSONObject, _ lines: [UInt8] = []) -> (
    fingerprint: Fingerprint, guid: String
  ) {
    var hasher = SHA256()
    object.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    var closingBrace = UInt8(ascii: "}")
    withUnsafeBytes(of: &closingBrace) { hasher.update(bufferPointer: $0) }
    hash(lines, into: &hasher)
    return digest(hasher)
  }

  // Bytes and halves go through raw buffers: the generic paths (`update(data:)`, a
  // `Data` made from a slice) cost about as much as hashing a record's data.
  private static func hash(_ bytes: [UInt8], into hasher: inout SHA256) {
    bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
  }

  private static func digest(_ hasher: SHA256) -> (fingerprint: Fingerprint, guid: String) {
    hasher.finalize().withUnsafeBytes { digest in
      (
        Fingerprint(UnsafeRawBufferPointer(rebasing: digest[0..<Fingerprint.byteCount]))!,
        uuid(UnsafeRawBufferPointer(rebasing: digest[16..<32]))
      )
    }
  }

  /// A UUID-shaped id derived from the operation's content, so that the same
  /// operation sent twice is recognisable (name-based, version 5 layout).
  package static func guid(_ parts: [String], fingerprint: Data?) -> String {
    var hasher = SHA256()
    for part in parts {
      hasher.update(data: Array(part.utf8))
      hasher.update(data: [0])
    }
    if let fingerprint { hasher.update(data: fingerprint) }
    return hasher.finalize().withUnsafeBytes {
      uuid(UnsafeRawBufferPointer(rebasing: $0.prefix(16)))
    }
  }

  /// Formats 16 bytes as a name-based (version 5 layout) UUID, straight into the
  /// string's storage (one per operation of every payload).
  private static func uuid(_ digest: UnsafeRawBufferPointer) -> String {
    String(unsafeUninitializedCapacity: 36) { text in
      var count = 0
      for index in 0..<16 {
        var byte = digest[index]
        if index == 6 { byte = (byte & 0x0F) | 0x50 }
        if index == 8 { byte = (byte & 0x3F) | 0x80 }
        if index == 4 || index == 6 || index == 8 || index == 10 {
          text[count] = UInt8(ascii: "-")
          count += 1
        }
        text[count] = Hex.digits[Int(byte >> 4)]
        text[count + 1] = Hex.digits[Int(byte & 0x0F)]
        count += 2
      }
      return count
    }
  }
}
