/// An exact decimal number with six fractional digits, for the arithmetic of
/// commercial documents. Foundation's `Decimal` costs microseconds per division,
/// and a large invoices export needs millions of them; six digits hold Sage's
/// quantities (3), unit prices (up to 4) and rates. Values are kept under 10^9 in
/// magnitude, so that a product of three of them cannot overflow.
package struct Amount: Sendable, Hashable, Comparable, CustomStringConvertible {
  package static let fractionDigits = 6
  package static let one: Int128 = 1_000_000
  /// Larger values are refused when read (no real price, quantity or rate is).
  static let limit: Int128 = 1_000_000_000 * one

  /// The value times 10^6.
  package let units: Int128

  package init(units: Int128) { self.units = units }

  package init(_ integer: Int) { units = Int128(integer) * Self.one }

  package static let zero = Amount(units: 0)

  /// From a canonical literal as `FrenchValue.decimalLiteral` writes it ("-12.5"),
  /// or any plain form `init(plainFrench:)` reads; digits past the sixth are
  /// rounded half away from zero. Nil when not a number or too large.
  package init?(literal: String) {
    var literal = literal
    guard let value = literal.withUTF8({ Amount(plainFrench: UnsafeRawBufferPointer($0)) })
    else { return nil }
    self = value
  }

  /// The plain forms of a French number ("-1234,56", "12", ",5", "0.125"), read
  /// straight from its trimmed bytes, without the strings `init(french:)` makes on
  /// the way: the amounts of an invoices export are nearly all plain. Nil for any
  /// other form (thousands groups, spaces), which `init(french:)` normalises before
  /// coming here, and for a value over the limit.
  package init?(plainFrench bytes: UnsafeRawBufferPointer) {
    var index = 0
    var negative = false
    if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
      negative = sign == UInt8(ascii: "-")
      index = 1
    }
    var integer: Int128 = 0
    var integerDigits = 0
    while index < bytes.count, let digit = Self.digit(bytes[index]) {
      // Past 18 digits the value is over the limit whatever follows (a normalised
      // literal has no leading zeros).
      guard integerDigits < 18 else { return nil }
      integer = integer * 10 + digit
      integerDigits += 1
      index += 1
    }
    var fraction: Int128 = 0
    var scale: Int128 = Self.one
    var roundUp = false
    if index < bytes.count {
      // A single separator, either one, marks the decimals.
      let separator = bytes[index]
      guard separator == UInt8(ascii: ",") || separator == UInt8(ascii: ".") else { return nil }
      index += 1
      var fractionDigits = 0
      while index < bytes.count, let digit = Self.digit(bytes[index]) {
        if fractionDigits < Self.fractionDigits {
          fraction = fraction * 10 + digit
          scale /= 10
        } else if fractionDigits == Self.fractionDigits {
          roundUp = digit >= 5
        }
        fractionDigits += 1
        index += 1
      }
      guard index == bytes.count, fractionDigits > 0 else { return nil }
    } else {
      guard integerDigits > 0 else { return nil }
    }
    guard integer * Self.one < Self.limit else { return nil }
    var magnitude = integer * Self.one + fraction * scale
    if roundUp { magnitude += 1 }
    units = negative ? -magnitude : magnitude
  }

  private static func digit(_ byte: UInt8) -> Int128? {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int128(byte - UInt8(ascii: "0")) : nil
  }

  /// A French number as Sage writes it ("1 234,56"); nil when it is not one.
  package init?(french text: String) {
    guard let literal = FrenchValue.decimalLiteral(text) else { return nil }
    self.init(literal: literal)
  }

  package static func + (lhs: Amount, rhs: Amount) -> Amount {
    Amount(units: lhs.units + rhs.units)
  }
  package static func - (lhs: Amount, rhs: Amount) -> Amount {
    Amount(units: lhs.units - rhs.units)
  }
  package static prefix func - (value: Amount) -> Amount { Amount(units: -value.units) }
  package static func += (lhs: inout Amount, rhs: Amount) { lhs = lhs + rhs }
  package static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.units < rhs.units }

  package var magnitude: Amount { Amount(units: units < 0 ? -units : units) }

  /// `numerator / denominator` rounded half away from zero to six digits.
  static func divided(_ numerator: Int128, by denominator: Int128) -> Int128 {
    let quotient = numerator / denominator
    let remainder = numerator % denominator
    let twice = (remainder < 0 ? -remainder : remainder) * 2
    let absoluteDenominator = denominator < 0 ? -denominator : denominator
    guard twice >= absoluteDenominator else { return quotient }
    return (numerator < 0) != (denominator < 0) ? quotient - 1 : quotient + 1
  }

  /// `self × factor × percent / 100`, rounded to `places` decimals: one rounding
  /// for the whole expression, as a line amount is computed.
  package func times(_ factor: Amount, percent: Amount = Amount(100), places: Int) -> Amount {
    let exact = units * factor.units * percent.units  // scale 10^18, times 100
    var divisor = Self.one * Self.one * 100
    var step: Int128 = 1
    for _ in 0..<(Self.fractionDigits - places) { step *= 10 }
    divisor *= step
    return Amount(units: Self.divided(exact, by: divisor) * step)
  }

  /// `self × numerator / denominator`, rounded to `places` decimals.
  package func scaled(by numerator: Amount, over denominator: Amount, places: Int) -> Amount {
    guard denominator.units != 0 else { return self }
    var step: Int128 = 1
    for _ in 0..<(Self.fractionDigits - places) { step *= 10 }
    return Amount(
      units: Self.divided(units * numerator.units, by: denominator.units * step) * step)
  }

  /// The shortest JSON number for the value ("12.5", "-3", "0.125").
  package var literal: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    appendLiteral(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes `literal` into a payload's bytes: every amount of every invoice line
  /// passes here, so in 64-bit arithmetic and without an intermediate string
  /// (every amount read fits; a larger sum takes the 128-bit way).
  func appendLiteral(to bytes: inout [UInt8]) {
    guard let small = Int64(exactly: units), small != .min else {
      bytes.append(contentsOf: literalIn128Bits.utf8)
      return
    }
    if small < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = small.magnitude
    Self.appendDigits(magnitude / 1_000_000, width: 1, to: &bytes)
    var fraction = magnitude % 1_000_000
    guard fraction != 0 else { return }
    bytes.append(UInt8(ascii: "."))
    var width = Self.fractionDigits
    while fraction % 10 == 0 {
      fraction /= 10
      width -= 1
    }
    Self.appendDigits(fraction, width: width, to: &bytes)
  }

  /// The decimal digits of `value`, left-padded with zeros to `width`.
  private static func appendDigits(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var index = 20
      var rest = value
      repeat {
        index -= 1
        digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      } while rest > 0 || 20 - index < width
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[index..<20]))
    }
  }

  /// `literal` for any value.
  var literalIn128Bits: String {
    let magnitude = units < 0 ? -units : units
    var text = String(magnitude / Self.one)
    var fraction = magnitude % Self.one
    if fraction != 0 {
      var digits = Array(repeating: UInt8(ascii: "0"), count: Self.fractionDigits)
      var index = Self.fractionDigits - 1
      while fraction > 0 {
        digits[index] = UInt8(ascii: "0") + UInt8(fraction % 10)
        fraction /= 10
        index -= 1
      }
      while digits.last == UInt8(ascii: "0") { digits.removeLast() }
      text += "." + String(decoding: digits, as: UTF8.self)
    }
    return units < 0 ? "-" + text : text
  }

  package var description: String { literal }
}
