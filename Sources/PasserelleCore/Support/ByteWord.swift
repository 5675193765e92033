/// Tests on eight bytes at once, for the loops that skip plain bytes in bulk (file
/// inspection, line ends, JSON escaping).
package enum ByteWord {
  // Other modules call the loops below, not these tests: a call per word from
  // another module costs more than the test (measured on the file inspection), and
  // the tests are not inlined across modules even when marked inlinable.
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highBits: UInt64 = 0x8080_8080_8080_8080

  static func hasHighByte(_ word: UInt64) -> Bool { word & highBits != 0 }

  /// True when some byte is below `limit` (at most 0x80).
  static func hasByte(_ word: UInt64, below limit: UInt8) -> Bool {
    (word &- ones &* UInt64(limit)) & ~word & highBits != 0
  }

  /// True when some byte equals `byte`.
  static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
    hasByte(word ^ (ones &* UInt64(byte)), below: 1)
  }

  /// Where the run of plain eight-byte words of `bytes` from `start` ends: the
  /// offset of the first word holding `stop`, `otherStop`, or (when
  /// `highBytesStop`) a byte at or above 0x80; or where the whole words end.
  package static func plainWordsEnd(
    _ bytes: UnsafeRawBufferPointer, from start: Int, highBytesStop: Bool,
    _ stop: UInt8, _ otherStop: UInt8
  ) -> Int {
    let high = highBytesStop ? highBits : 0
    let stops = (ones &* UInt64(stop), ones &* UInt64(otherStop))
    var index = start
    while index + 8 <= bytes.count {
      let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      if word & high != 0 || hasByte(word ^ stops.0, below: 1) || hasByte(word ^ stops.1, below: 1)
      {
        break
      }
      index += 8
    }
    return index
  }

  /// Where the run of quiet eight-byte words of `bytes` from `start` ends, and how
  /// many line feeds they hold. A quiet word holds no NUL, no 0xEF (where a UTF-8
  /// byte-order mark starts) and no byte from 0x80 to 0x9F (where Windows-1252
  /// leaves some undefined): what a file's inspection looks for, but line ends,
  /// which are counted without stopping. Most letters with accents do not stop the
  /// run: Windows-1252's but ï, UTF-8's small ones; UTF-8's capitals (C3 80 to
  /// C3 9F), the euro sign and typographic quotes do.
  package static func quietWordsEnd(_ bytes: UnsafeRawBufferPointer, from start: Int)
    -> (end: Int, lineFeeds: Int)
  {
    let (startOfMark, c1Top) = (ones &* 0xEF, ones &* 0xE0)
    var index = start
    var lineFeeds = 0
    // Line feeds are added up per byte lane, 31 words at most (a lane's count stays
    // below 32, their sum below 256), then summed by one multiplication.
    var lanes: UInt64 = 0
    var words = 0
    while index + 8 <= bytes.count {
      let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      if hasByte(word, below: 1)
        || (word & highBits != 0
          && (hasByte(word ^ startOfMark, below: 1) || hasByte((word & c1Top) ^ highBits, below: 1)))
      {
        break
      }
      lanes &+= zeroBytes(word ^ (ones &* 0x0A)) >> 7
      words += 1
      if words == 31 {
        lineFeeds += Int((lanes &* ones) >> 56)
        (lanes, words) = (0, 0)
      }
      index += 8
    }
    return (index, lineFeeds + Int((lanes &* ones) >> 56))
  }

  /// The top bit of each zero byte of `word`, and no other bit: exact, unlike
  /// `hasByte`, as no carry crosses from one byte to the next.
  static func zeroBytes(_ word: UInt64) -> UInt64 {
    let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~((((word & lowBits) &+ lowBits) | word) | lowBits)
  }

  /// Where the run of ASCII eight-byte words of `bytes` from `start` ends: the offset
  /// of the first word holding a byte at or above 0x80, or where the whole words end.
  package static func asciiWordsEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
    var index = start
    while index + 8 <= bytes.count,
      !hasHighByte(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
    {
      index += 8
    }
    return index
  }

  /// True when every byte is below 0x80.
  package static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var index = asciiWordsEnd(bytes, from: 0)
    while index < bytes.count {
      if bytes[index] >= 0x80 { return false }
      index += 1
    }
    return true
  }
}
