import Foundation

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
    ValueBytes.withBytes(text, boolean)
  }

  /// `boolean` of UTF-8 bytes.
  package static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
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

  /// Decimal numbers as Sage writes them: "1234.5", "1234,5", "1 234,56" (space, U+00A0 or U+202F
  /// as thousands separators), "-12,5", "+3", "1.234,56", "1,234.56", "1.234.567". When both '.'
  /// and ',' appear the last one is the decimal separator; a single '.' or ',' is a decimal
  /// separator; a repeated one groups thousands. Empty or garbage → nil. The result is exact.
  static func decimal(_ text: String) -> Decimal? {
    ValueBytes.withBytes(text) { bytes in
      withNormalisedDecimal(bytes) { Decimal(string: String(decoding: $0, as: UTF8.self)) }
    }
  }

  /// The same number as a canonical JSON number literal ("1234.5", "0.25", "-3"),
  /// without building a `Decimal`: payloads only carry the digits.
  package static func decimalLiteral(_ text: String) -> String? {
    ValueBytes.withBytes(text, decimalLiteral)
  }

  /// `decimalLiteral` of UTF-8 bytes.
  package static func decimalLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    withNormalisedDecimal(bytes, canonicalLiteral)
  }

  /// `body` with the number of `bytes` rewritten as "-1234.56"; nil when it is not
  /// a well-formed number.
  private static func withNormalisedDecimal<Result>(
    _ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result?
  ) -> Result? {
    // A sign, the digits, a zero before a leading decimal separator, the dot.
    ScratchBytes.with(capacity: bytes.count + 3) { normalised in
      normalisedDecimal(bytes, to: &normalised) ? body(normalised.bytes) : nil
    }
  }

  /// "-0012.500" → "-12.5", ".5" → "0.5", "-0.0" → "0": the digits kept, in one pass
  /// and one string (every number column of every row passes here).
  static func canonicalLiteral(_ normalised: String) -> String {
    ValueBytes.withBytes(normalised, canonicalLiteral)
  }

  private static func canonicalLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
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
    return ScratchBytes.with(capacity: bytes.count + 1) { literal in
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
      return literal.string
    }
  }

  private enum Grouping {
    case none, space, dot, comma
  }

  /// The digits and separators one pass over a number's body finds.
  private struct DecimalShape {
    var digitCount = 0
    var dotCount = 0
    var commaCount = 0
    var spaceCount = 0
    var lastDot = -1
    var lastComma = -1
  }

  /// Which separator marks the decimals (nil: none), and what groups thousands.
  private struct DecimalLayout {
    var decimalSeparator: Int? = nil
    var grouping = Grouping.none
  }

  /// Rewrites a Sage number as "-1234.56" into `output`; false when it is not a
  /// well-formed number.
  private static func normalisedDecimal(
    _ bytes: UnsafeBufferPointer<UInt8>, to output: inout ScratchBytes
  ) -> Bool {
    let range = ValueBytes.trimmedRange(bytes)
    var index = range.lowerBound
    let end = range.upperBound
    guard index < end else { return false }
    var negative = false
    if bytes[index] == ValueBytes.plus || bytes[index] == ValueBytes.dash {
      negative = bytes[index] == ValueBytes.dash
      index += 1
    }
    let bodyStart = index
    guard let shape = decimalShape(bytes, from: bodyStart, end: end), shape.digitCount > 0,
      let layout = decimalLayout(shape)
    else { return false }

    if negative { output.append(ValueBytes.dash) }
    guard
      let integerDigits = appendIntegerDigits(
        bytes, from: bodyStart, to: layout.decimalSeparator ?? end, end: end,
        grouping: layout.grouping, to: &output)
    else { return false }

    if let separator = layout.decimalSeparator {
      index = separator + 1
      guard index < end else { return false }
      if integerDigits == 0 { output.append(ValueBytes.zero) }
      output.append(ValueBytes.dot)
      while index < end {
        let byte = bytes[index]
        guard ValueBytes.isDigit(byte) else { return false }
        output.append(byte)
        index += 1
      }
    } else {
      guard integerDigits > 0 else { return false }
    }
    return true
  }

  /// Counts the digits, dots, commas and group spaces of a number's body; nil at any
  /// other byte.
  private static func decimalShape(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int)
    -> DecimalShape?
  {
    var shape = DecimalShape()
    var index = start
    while index < end {
      let byte = bytes[index]
      if ValueBytes.isDigit(byte) {
        shape.digitCount += 1
        index += 1
      } else if byte == ValueBytes.dot {
        shape.dotCount += 1
        shape.lastDot = index
        index += 1
      } else if byte == ValueBytes.comma {
        shape.commaCount += 1
        shape.lastComma = index
        index += 1
      } else {
        let length = ValueBytes.groupSpaceLength(bytes, at: index, end: end)
        guard length > 0 else { return nil }
        shape.spaceCount += 1
        index += length
      }
    }
    return shape
  }

  /// When both '.' and ',' appear the last one is the decimal separator; a single '.'
  /// or ',' is a decimal separator; a repeated one groups thousands. Nil when the
  /// separators contradict each other.
  private static func decimalLayout(_ shape: DecimalShape) -> DecimalLayout? {
    var layout = DecimalLayout()
    if shape.dotCount > 0 && shape.commaCount > 0 {
      guard shape.spaceCount == 0 else { return nil }
      if shape.lastDot > shape.lastComma {
        guard shape.dotCount == 1 else { return nil }
        layout.decimalSeparator = shape.lastDot
        layout.grouping = .comma
      } else {
        guard shape.commaCount == 1 else { return nil }
        layout.decimalSeparator = shape.lastComma
        layout.grouping = .dot
      }
    } else if shape.dotCount > 0 || shape.commaCount > 0 {
      let count = shape.dotCount + shape.commaCount
      if count == 1 {
        layout.decimalSeparator = shape.dotCount == 1 ? shape.lastDot : shape.lastComma
        layout.grouping = shape.spaceCount > 0 ? .space : .none
      } else {
        guard shape.spaceCount == 0 else { return nil }
        layout.grouping = shape.dotCount > 0 ? .dot : .comma
      }
    } else if shape.spaceCount > 0 {
      layout.grouping = .space
    }
    return layout
  }

  /// Appends the digits before the decimal separator (`integerEnd`), checking the
  /// thousands groups. Returns how many digits it appended, or nil when the groups
  /// are malformed.
  private static func appendIntegerDigits(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to integerEnd: Int, end: Int,
    grouping: Grouping, to output: inout ScratchBytes
  ) -> Int? {
    var integerDigits = 0
    var groupLength = 0
    var completedGroups = 0
    var index = start
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
    return integerDigits
  }

  /// "28/11/2026", "28/11/26" (yy < 70 → 20yy, else 19yy), "1/2/2026", "28-11-2026",
  /// "28.11.2026", ISO "2026-11-28" (a 4-digit first part means year first), optionally followed
  /// by a time ("10:15" or "10:15:30", after a space or ISO's 'T') which is checked and ignored.
  /// Invalid calendar days → nil.
  package static func date(_ text: String) -> CalendarDate? {
    ValueBytes.withBytes(text, date)
  }

  /// `date` of UTF-8 bytes.
  package static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
    parseDate(bytes)
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
