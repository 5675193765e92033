/// UTF-8 byte helpers shared by the value readers, which run on every row of large exports.
package enum ValueBytes {
  static let tab: UInt8 = 0x09
  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D
  static let space: UInt8 = 0x20
  static let apostrophe: UInt8 = 0x27
  static let openParenthesis: UInt8 = 0x28
  static let closeParenthesis: UInt8 = 0x29
  static let asterisk: UInt8 = 0x2A
  static let plus: UInt8 = 0x2B
  static let comma: UInt8 = 0x2C
  static let dash: UInt8 = 0x2D
  static let dot: UInt8 = 0x2E
  static let slash: UInt8 = 0x2F
  static let zero: UInt8 = 0x30
  static let colon: UInt8 = 0x3A
  static let semicolon: UInt8 = 0x3B
  static let at: UInt8 = 0x40
  static let upperT: UInt8 = 0x54
  static let upperZ: UInt8 = 0x5A

  /// Runs `body` on the string's UTF-8 bytes without copying native strings.
  @inline(__always)
  static func withBytes<Result>(
    _ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    var contiguous = text
    return contiguous.withUTF8(body)
  }

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

  @inline(__always)
  static func isUpperLetter(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

  @inline(__always)
  static func isLowerLetter(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }

  @inline(__always)
  static func isLetter(_ byte: UInt8) -> Bool { isUpperLetter(byte) || isLowerLetter(byte) }

  @inline(__always)
  static func lowercased(_ byte: UInt8) -> UInt8 { isUpperLetter(byte) ? byte | 0x20 : byte }

  @inline(__always)
  static func uppercased(_ byte: UInt8) -> UInt8 { isLowerLetter(byte) ? byte & ~0x20 : byte }

  /// Byte length of a thousands-separating space at `index`: ' ', U+00A0 or U+202F; 0 otherwise.
  static func groupSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int)
    -> Int
  {
    let byte = bytes[index]
    if byte == space { return 1 }
    if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 { return 2 }
    if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0xAF {
      return 3
    }
    return 0
  }

  /// Byte length of any space at `index` (the group spaces plus tab, CR and LF); 0 otherwise.
  static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
    let byte = bytes[index]
    if byte == tab || byte == lineFeed || byte == carriageReturn { return 1 }
    return groupSpaceLength(bytes, at: index, end: end)
  }

  /// Byte length of a space ending just before `end`, looking no further back than `start`.
  private static func trailingSpaceLength(
    _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int
  ) -> Int {
    let last = bytes[end - 1]
    if last == space || last == tab || last == lineFeed || last == carriageReturn { return 1 }
    if last == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 { return 2 }
    if last == 0xAF, end - 3 >= start, bytes[end - 2] == 0x80, bytes[end - 3] == 0xE2 {
      return 3
    }
    return 0
  }

  static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
    var index = start
    while index < end {
      let length = spaceLength(bytes, at: index, end: end)
      if length == 0 { break }
      index += length
    }
    return index
  }

  /// The byte range left after removing leading and trailing spaces.
  static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    trimmedRange(bytes, 0..<bytes.count)
  }

  static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    let start = skipSpaces(bytes, from: range.lowerBound, end: range.upperBound)
    var end = range.upperBound
    while end > start {
      let length = trailingSpaceLength(bytes, start: start, end: end)
      if length == 0 { break }
      end -= length
    }
    return start..<end
  }

  /// Whether the bytes in `range`, ASCII-lowercased, equal `word` (itself lowercase ASCII).
  static func equalsLowercased(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: StaticString
  ) -> Bool {
    guard range.count == word.utf8CodeUnitCount else { return false }
    return word.withUTF8Buffer { wordBytes in
      var offset = 0
      for index in range {
        if lowercased(bytes[index]) != wordBytes[offset] { return false }
        offset += 1
      }
      return true
    }
  }

  /// Whether the bytes from `start`, ASCII-lowercased, begin with `word` (lowercase ASCII).
  static func hasLowercasedPrefix(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, _ word: StaticString
  ) -> Bool {
    let count = word.utf8CodeUnitCount
    guard end - start >= count else { return false }
    return equalsLowercased(bytes, start..<(start + count), word)
  }

  /// Reads consecutive ASCII digits. Only the first 9 digits count towards `value`, which keeps
  /// it from overflowing; `digits` still reports the full run length.
  static func readNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int)
    -> (value: Int, digits: Int, next: Int)
  {
    var value = 0
    var index = start
    while index < end, isDigit(bytes[index]) {
      if index - start < 9 { value = value * 10 + Int(bytes[index] &- zero) }
      index += 1
    }
    return (value, index - start, index)
  }

  /// Appends `value` in decimal, left-padded with zeros to `width` digits.
  static func appendPadded(_ value: Int, width: Int, to bytes: inout ScratchBytes) {
    if value < 0 {
      bytes.append(dash)
      appendPadded(-value, width: width, to: &bytes)
      return
    }
    var divisor = 1
    var digitCount = 1
    while value / divisor >= 10 {
      divisor *= 10
      digitCount += 1
    }
    for _ in digitCount..<max(width, digitCount) { bytes.append(zero) }
    while divisor > 0 {
      bytes.append(zero + UInt8((value / divisor) % 10))
      divisor /= 10
    }
  }
}
