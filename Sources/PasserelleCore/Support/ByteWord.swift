/// Tests on eight bytes at once, for the loops that skip plain bytes in bulk (file
/// inspection, line ends, JSON escaping).
package enum ByteWord {
  // Inlinable: the readers call these per eight bytes from other modules, where a
  // call each time cost more than the test (measured on the file inspection).
  @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
  @usableFromInline static let highBits: UInt64 = 0x8080_8080_8080_8080

  @inlinable package static func hasHighByte(_ word: UInt64) -> Bool { word & highBits != 0 }

  /// True when some byte is below `limit` (at most 0x80).
  @inlinable static func hasByte(_ word: UInt64, below limit: UInt8) -> Bool {
    (word &- ones &* UInt64(limit)) & ~word & highBits != 0
  }

  /// True when some byte equals `byte`.
  @inlinable package static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
    hasByte(word ^ (ones &* UInt64(byte)), below: 1)
  }
}
