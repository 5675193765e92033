/// Tests on eight bytes at once, for the loops that skip plain bytes in bulk (file
/// inspection, line ends, JSON escaping).
package enum ByteWord {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highBits: UInt64 = 0x8080_8080_8080_8080

  @inline(__always) package static func hasHighByte(_ word: UInt64) -> Bool { word & highBits != 0 }

  /// True when some byte is below `limit` (at most 0x80).
  @inline(__always) static func hasByte(_ word: UInt64, below limit: UInt8) -> Bool {
    (word &- ones &* UInt64(limit)) & ~word & highBits != 0
  }

  /// True when some byte equals `byte`.
  @inline(__always) package static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
    hasByte(word ^ (ones &* UInt64(byte)), below: 1)
  }
}
