import Crypto
import Foundation

/// Content fingerprints and deterministic operation ids.
enum Digest {
  /// One hash of an upsert's data gives both its fingerprint (first half: 128 bits put
  /// collisions out of reach of any dossier) and its guid (second half): the data holds
  /// the key, so equal data means the same operation.
  static func upsert(_ data: [UInt8]) -> (fingerprint: Data, guid: String) {
    SHA256.hash(data: data).withUnsafeBytes { digest in
      (Data(digest.prefix(16)), uuid(Array(digest[16..<32])))
    }
  }

  /// Fingerprint of a source row as read (first 16 bytes of SHA-256), after `seed`:
  /// the same row under the same seed gives the same fingerprint. The seed holds
  /// what the row's mapping depends on besides the row (see `RowFingerprintSeed`).
  /// `layout` is scratch space the caller keeps from row to row.
  static func row(_ row: SourceRow, seed: SHA256, layout: inout [UInt32]) -> Data {
    var hasher = seed
    layout.removeAll(keepingCapacity: true)
    row.withStorage { values, starts, ends in
      hasher.update(bufferPointer: values)
      // Where values start and end, in 32 bits (a record is far below 4 GiB): a
      // quarter of the bytes of the row's own offsets, hashed for every row.
      for index in starts.indices {
        layout.append(UInt32(truncatingIfNeeded: starts[index]))
        layout.append(UInt32(truncatingIfNeeded: ends[index]))
      }
    }
    layout.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    return hasher.finalize().withUnsafeBytes { Data($0.prefix(16)) }
  }

  /// A UUID-shaped id derived from the operation's content, so that the same
  /// operation sent twice is recognisable (name-based, version 5 layout).
  static func guid(_ parts: [String], fingerprint: Data?) -> String {
    var hasher = SHA256()
    for part in parts {
      hasher.update(data: Array(part.utf8))
      hasher.update(data: [0])
    }
    if let fingerprint { hasher.update(data: fingerprint) }
    return uuid(Array(hasher.finalize().prefix(16)))
  }

  /// Formats 16 bytes as a name-based (version 5 layout) UUID.
  private static func uuid(_ digest: [UInt8]) -> String {
    var bytes = digest
    bytes[6] = (bytes[6] & 0x0F) | 0x50
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    var text: [UInt8] = []
    text.reserveCapacity(36)
    for (index, byte) in bytes.enumerated() {
      if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
      text.append(hexDigits[Int(byte >> 4)])
      text.append(hexDigits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)
}
