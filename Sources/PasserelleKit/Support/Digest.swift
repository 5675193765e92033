import Crypto
import Foundation

/// Content fingerprints and deterministic operation ids.
enum Digest {
  /// 128 bits of SHA-256: collisions are out of reach for any dossier, and half
  /// the manifest space of the full digest.
  static func fingerprint(_ bytes: [UInt8]) -> Data {
    Data(SHA256.hash(data: bytes).prefix(16))
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
    var bytes = Array(hasher.finalize().prefix(16))
    bytes[6] = (bytes[6] & 0x0F) | 0x50
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = bytes.map { hexByte($0) }
    return hex[0..<4].joined() + "-" + hex[4..<6].joined() + "-" + hex[6..<8].joined() + "-"
      + hex[8..<10].joined() + "-" + hex[10..<16].joined()
  }

  static func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
  }
}
