import Crypto
import Foundation

/// Content fingerprints and deterministic operation ids.
enum Digest {
  /// 128 bits of SHA-256: collisions are out of reach for any dossier, and half
  /// the manifest space of the full digest.
  static func fingerprint(_ bytes: [UInt8]) -> Data {
    SHA256.hash(data: bytes).withUnsafeBytes { Data($0.prefix(16)) }
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
