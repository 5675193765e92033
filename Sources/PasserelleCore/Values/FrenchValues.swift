import Foundation

/// Outcome of checking or normalising one identifier-like value.
package enum ValueCheck: Equatable, Sendable {
  /// The normalised form.
  case valid(String)
  /// A short English reason meant for IT staff.
  case invalid(String)
}

/// A day of the Gregorian calendar, without time or time zone.
package struct CalendarDate: Hashable, Sendable, Comparable {
  let year: Int
  let month: Int
  let day: Int

  /// "2026-11-28".
  package var iso: String {
    formatted([(year, 4), (month, 2), (day, 2)], separator: ValueBytes.dash)
  }

  /// "28/11/2026".
  var french: String {
    formatted([(day, 2), (month, 2), (year, 4)], separator: ValueBytes.slash)
  }

  private func formatted(_ parts: [(Int, Int)], separator: UInt8) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(10)
    for (index, part) in parts.enumerated() {
      if index > 0 { bytes.append(separator) }
      ValueBytes.appendPadded(part.0, width: part.1, to: &bytes)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  package static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  static func dayCount(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  package static func isValid(year: Int, month: Int, day: Int) -> Bool {
    guard year >= 1, (1...12).contains(month), day >= 1 else { return false }
    return day <= dayCount(month: month, year: year)
  }
}

/// Readers for the values Sage 50 FR writes in its exports.
package enum FrenchValue {
  /// "Aucun" / "Aucune" (any case, surrounding spaces) mean "none" in Sage value-list columns.
  package static func isNone(_ bytes: UnsafeRawBufferPointer) -> Bool {
    bytes.withMemoryRebound(to: UInt8.self) { bytes in
      let range = ValueBytes.trimmedRange(bytes)
      return ValueBytes.equalsLowercased(bytes, range, "aucun")
        || ValueBytes.equalsLowercased(bytes, range, "aucune")
    }
  }

  package static func isNone(_ text: String) -> Bool {
    ValueBytes.withBytes(text) { bytes in
      let range = ValueBytes.trimmedRange(bytes)
      return ValueBytes.equalsLowercased(bytes, range, "aucun")
        || ValueBytes.equalsLowercased(bytes, range, "aucune")
    }
  }

  private static let trueWords: [StaticString] = ["oui", "o", "1", "vrai", "true", "yes"]
  private static let falseWords: [StaticString] = ["non", "n", "0", "faux", "false", "no"]

  /// Oui/O/1/Vrai/True/Yes → true; ""/Non/N/0/Faux/False/No → false; anything else nil.
  /// Case-insensitive, trimmed.
  package static func boolean(_ text: String) -> Bool? {
    ValueBytes.withBytes(text) { bytes in
      let range = ValueBytes.trimmedRange(bytes)
      if range.isEmpty { return false }
      for word in trueWords where ValueBytes.equalsLowercased(bytes, range, word) {
        return true
      }
      for word in falseWords where ValueBytes.equalsLowercased(bytes, range, word) {
        return false
      }
      return nil
    }
  }

  /// Decimal numbers as Sage writes them: "1234.5", "1234,5", "1 234,56" (space, U+00A0 or U+202F
  /// as thousands separators), "-12,5", "+3", "1.234,56", "1,234.56", "1.234.567". When both '.'
  /// and ',' appear the last one is the decimal separator; a single '.' or ',' is a decimal
  /// separator; a repeated one groups thousands. Empty or garbage → nil. The result is exact.
  static func decimal(_ text: String) -> Decimal? {
    guard let normalised = ValueBytes.withBytes(text, normalisedDecimal) else { return nil }
    return Decimal(string: normalised)
  }

  /// The same number as a canonical JSON number literal ("1234.5", "0.25", "-3"),
  /// without building a `Decimal`: payloads only carry the digits.
  package static func decimalLiteral(_ text: String) -> String? {
    guard let normalised = ValueBytes.withBytes(text, normalisedDecimal) else { return nil }
    return canonicalLiteral(normalised)
  }

  /// "-0012.500" → "-12.5", ".5" → "0.5", "-0.0" → "0": the digits kept, in one pass
  /// and one string (every number column of every row passes here).
  static func canonicalLiteral(_ normalised: String) -> String {
    var normalised = normalised
    return normalised.withUTF8 { bytes in
      let negative = bytes.first == UInt8(ascii: "-")
      let start = negative ? 1 : 0
      let dot = bytes[start...].firstIndex(of: UInt8(ascii: "."))
      var integerStart = start
      let integerEnd = dot ?? bytes.count
      while integerEnd - integerStart > 1 && bytes[integerStart] == UInt8(ascii: "0") {
        integerStart += 1
      }
      let fractionStart = dot.map { $0 + 1 } ?? bytes.count
      var fractionEnd = bytes.count
      while fractionEnd > fractionStart && bytes[fractionEnd - 1] == UInt8(ascii: "0") {
        fractionEnd -= 1
      }
      let integer = UnsafeBufferPointer(rebasing: bytes[integerStart..<integerEnd])
      let fraction = UnsafeBufferPointer(rebasing: bytes[fractionStart..<fractionEnd])
      let isZero =
        (integer.isEmpty || (integer.count == 1 && integer[0] == UInt8(ascii: "0")))
        && fraction.isEmpty
      var literal: [UInt8] = []
      literal.reserveCapacity(bytes.count + 1)
      if negative && !isZero { literal.append(UInt8(ascii: "-")) }
      if integer.isEmpty {
        literal.append(UInt8(ascii: "0"))
      } else {
        literal.append(contentsOf: integer)
      }
      if !fraction.isEmpty {
        literal.append(UInt8(ascii: "."))
        literal.append(contentsOf: fraction)
      }
      return String(decoding: literal, as: UTF8.self)
    }
  }

  private enum Grouping {
    case none, space, dot, comma
  }

  /// Rewrites a Sage number as "-1234.56", or nil when it is not a well-formed number.
  private static func normalisedDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let range = ValueBytes.trimmedRange(bytes)
    var index = range.lowerBound
    let end = range.upperBound
    guard index < end else { return nil }
    var negative = false
    if bytes[index] == ValueBytes.plus || bytes[index] == ValueBytes.dash {
      negative = bytes[index] == ValueBytes.dash
      index += 1
    }
    let bodyStart = index

    var digitCount = 0
    var dotCount = 0
    var commaCount = 0
    var spaceCount = 0
    var lastDot = -1
    var lastComma = -1
    while index < end {
      let byte = bytes[index]
      if ValueBytes.isDigit(byte) {
        digitCount += 1
        index += 1
      } else if byte == ValueBytes.dot {
        dotCount += 1
        lastDot = index
        index += 1
      } else if byte == ValueBytes.comma {
        commaCount += 1
        lastComma = index
        index += 1
      } else {
        let length = ValueBytes.groupSpaceLength(bytes, at: index, end: end)
        guard length > 0 else { return nil }
        spaceCount += 1
        index += length
      }
    }
    guard digitCount > 0 else { return nil }

    var decimalSeparator: Int? = nil
    var grouping = Grouping.none
    if dotCount > 0 && commaCount > 0 {
      guard spaceCount == 0 else { return nil }
      if lastDot > lastComma {
        guard dotCount == 1 else { return nil }
        decimalSeparator = lastDot
        grouping = .comma
      } else {
        guard commaCount == 1 else { return nil }
        decimalSeparator = lastComma
        grouping = .dot
      }
    } else if dotCount > 0 || commaCount > 0 {
      let count = dotCount + commaCount
      if count == 1 {
        decimalSeparator = dotCount == 1 ? lastDot : lastComma
        grouping = spaceCount > 0 ? .space : .none
      } else {
        guard spaceCount == 0 else { return nil }
        grouping = dotCount > 0 ? .dot : .comma
      }
    } else if spaceCount > 0 {
      grouping = .space
    }

    var output: [UInt8] = []
    output.reserveCapacity(digitCount + 3)
    if negative { output.append(ValueBytes.dash) }

    let integerEnd = decimalSeparator ?? end
    var integerDigits = 0
    var groupLength = 0
    var completedGroups = 0
    index = bodyStart
    while index < integerEnd {
      let byte = bytes[index]
      if ValueBytes.isDigit(byte) {
        output.append(byte)
        integerDigits += 1
        groupLength += 1
        index += 1
        continue
      }
      let separatorLength: Int
      switch grouping {
      case .none: return nil
      case .dot: separatorLength = byte == ValueBytes.dot ? 1 : 0
      case .comma: separatorLength = byte == ValueBytes.comma ? 1 : 0
      case .space: separatorLength = ValueBytes.groupSpaceLength(bytes, at: index, end: end)
      }
      guard separatorLength > 0 else { return nil }
      // The leading group holds 1 to 3 digits, every later group exactly 3.
      if completedGroups == 0 {
        guard (1...3).contains(groupLength) else { return nil }
      } else {
        guard groupLength == 3 else { return nil }
      }
      completedGroups += 1
      groupLength = 0
      index += separatorLength
    }
    if completedGroups > 0 {
      guard groupLength == 3 else { return nil }
    }

    if let separator = decimalSeparator {
      index = separator + 1
      guard index < end else { return nil }
      if integerDigits == 0 { output.append(ValueBytes.zero) }
      output.append(ValueBytes.dot)
      while index < end {
        let byte = bytes[index]
        guard ValueBytes.isDigit(byte) else { return nil }
        output.append(byte)
        index += 1
      }
    } else {
      guard integerDigits > 0 else { return nil }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// "28/11/2026", "28/11/26" (yy < 70 → 20yy, else 19yy), "1/2/2026", "28-11-2026",
  /// "28.11.2026", ISO "2026-11-28" (a 4-digit first part means year first), optionally followed
  /// by a time ("10:15" or "10:15:30", after a space or ISO's 'T') which is checked and ignored.
  /// Invalid calendar days → nil.
  package static func date(_ text: String) -> CalendarDate? {
    ValueBytes.withBytes(text, parseDate)
  }

  private static func parseDate(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
    let range = ValueBytes.trimmedRange(bytes)
    let end = range.upperBound
    let first = ValueBytes.readNumber(bytes, from: range.lowerBound, end: end)
    guard (1...4).contains(first.digits), first.next < end else { return nil }
    let separator = bytes[first.next]
    guard
      separator == ValueBytes.slash || separator == ValueBytes.dash
        || separator == ValueBytes.dot
    else { return nil }
    let second = ValueBytes.readNumber(bytes, from: first.next + 1, end: end)
    guard (1...2).contains(second.digits), second.next < end, bytes[second.next] == separator
    else { return nil }
    let third = ValueBytes.readNumber(bytes, from: second.next + 1, end: end)

    let year: Int
    let month = second.value
    let day: Int
    if first.digits == 4 {
      guard (1...2).contains(third.digits) else { return nil }
      year = first.value
      day = third.value
    } else {
      guard first.digits <= 2 else { return nil }
      day = first.value
      switch third.digits {
      case 2: year = third.value < 70 ? 2000 + third.value : 1900 + third.value
      case 4: year = third.value
      default: return nil
      }
    }
    guard CalendarDate.isValid(year: year, month: month, day: day) else { return nil }
    guard third.next == end || isTimeOfDay(bytes, from: third.next, end: end) else { return nil }
    return CalendarDate(year: year, month: month, day: day)
  }

  /// Accepts " hh:mm", " hh:mm:ss", optional fraction of a second, and ISO's "T…" / "…Z".
  private static func isTimeOfDay(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int)
    -> Bool
  {
    var index = start
    if bytes[index] == ValueBytes.upperT {
      index += 1
    } else {
      let afterSpaces = ValueBytes.skipSpaces(bytes, from: index, end: end)
      guard afterSpaces > index else { return false }
      index = afterSpaces
    }
    let hour = ValueBytes.readNumber(bytes, from: index, end: end)
    guard (1...2).contains(hour.digits), hour.value <= 23 else { return false }
    guard hour.next < end, bytes[hour.next] == ValueBytes.colon else { return false }
    let minute = ValueBytes.readNumber(bytes, from: hour.next + 1, end: end)
    guard minute.digits == 2, minute.value <= 59 else { return false }
    index = minute.next
    if index < end && bytes[index] == ValueBytes.colon {
      let second = ValueBytes.readNumber(bytes, from: index + 1, end: end)
      guard second.digits == 2, second.value <= 59 else { return false }
      index = second.next
      if index < end && bytes[index] == ValueBytes.dot {
        let fraction = ValueBytes.readNumber(bytes, from: index + 1, end: end)
        guard fraction.digits > 0 else { return false }
        index = fraction.next
      }
    }
    if index < end && bytes[index] == ValueBytes.upperZ { index += 1 }
    return index == end
  }
}

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
  static func appendPadded(_ value: Int, width: Int, to bytes: inout [UInt8]) {
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
    if digitCount < width {
      bytes.append(contentsOf: repeatElement(zero, count: width - digitCount))
    }
    while divisor > 0 {
      bytes.append(zero + UInt8((value / divisor) % 10))
      divisor /= 10
    }
  }
}
