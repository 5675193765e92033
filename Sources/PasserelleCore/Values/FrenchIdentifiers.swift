import Foundation

/// Checks and normalises the identifiers found in Sage 50 FR customer records.
package enum FrenchIdentifier {
  // MARK: SIRET / SIREN

  private static let laPosteSIREN: StaticString = "356000000"
  /// La Poste's head office follows the ordinary Luhn rule, unlike its other establishments.
  private static let laPosteHeadOfficeSIRET: StaticString = "35600000000048"

  /// SIRET (14 digits) or SIREN (9 digits), returned as bare digits. Spaces, dots, dashes and
  /// non-breaking spaces are ignored. Checked with Luhn, except La Poste establishments, whose
  /// digit sum must be a multiple of 5.
  package static func siret(_ raw: String) -> ValueCheck {
    ValueBytes.withBytes(raw, siret)
  }

  /// `siret` of UTF-8 bytes.
  package static func siret(_ bytes: UnsafeBufferPointer<UInt8>) -> ValueCheck {
    ScratchBytes.with(capacity: bytes.count) { siret(bytes, &$0) }
  }

  private static func siret(_ bytes: UnsafeBufferPointer<UInt8>, _ digits: inout ScratchBytes)
    -> ValueCheck
  {
    let kept = compacting(bytes, into: &digits) { ValueBytes.isDigit($0) ? $0 : nil }
    guard kept else { return .invalid(Message(.siretNotDigits)) }
    if digits.count == 0 { return .invalid(Message(.valueEmpty)) }
    guard digits.count == 14 || digits.count == 9 else {
      return .invalid(Message(.siretDigitCount, ["count": .number(digits.count)]))
    }
    let number = digits.string
    if digits.count == 14 && startsWith(digits.bytes, laPosteSIREN)
      && !startsWith(digits.bytes, laPosteHeadOfficeSIRET)
    {
      let digitSum = digits.bytes.reduce(0) { $0 + Int($1 &- ValueBytes.zero) }
      return digitSum % 5 == 0
        ? .valid(number) : .invalid(Message(.siretLaPosteChecksum))
    }
    return passesLuhn(digits.bytes) ? .valid(number) : .invalid(Message(.siretChecksum))
  }

  /// Appends what `keep` makes of each byte, leaving out dots, dashes and spaces;
  /// false at a byte `keep` refuses (nil) that is none of those.
  private static func compacting(
    _ bytes: UnsafeBufferPointer<UInt8>, into output: inout ScratchBytes,
    keeping keep: (UInt8) -> UInt8?
  ) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if let kept = keep(byte) {
        output.append(kept)
        index += 1
      } else if byte == ValueBytes.dot || byte == ValueBytes.dash {
        index += 1
      } else {
        let length = ValueBytes.spaceLength(bytes, at: index, end: bytes.count)
        guard length > 0 else { return false }
        index += length
      }
    }
    return true
  }

  static func passesLuhn(_ digits: some BidirectionalCollection<UInt8>) -> Bool {
    var sum = 0
    var doubles = false
    for byte in digits.reversed() {
      var value = Int(byte &- ValueBytes.zero)
      if doubles {
        value *= 2
        if value > 9 { value -= 9 }
      }
      sum += value
      doubles.toggle()
    }
    return sum % 10 == 0
  }

  static func startsWith(_ bytes: some Sequence<UInt8>, _ prefix: StaticString) -> Bool {
    prefix.withUTF8Buffer { bytes.starts(with: $0) }
  }

  // MARK: VAT number

  private static func digitRun(_ count: Int) -> String { String(repeating: "d", count: count) }

  /// Body patterns after the country prefix, one character per position: `d` a digit, `l` a
  /// letter, `x` a letter or digit, `p` a letter, '+' or '*'; anything else stands for itself.
  private static let vatPatterns: [String: [String]] = {
    let britishPatterns = [digitRun(9), digitRun(12), "GD" + digitRun(3), "HA" + digitRun(3)]
    return [
      "AT": ["U" + digitRun(8)],
      "BE": ["0" + digitRun(9), "1" + digitRun(9)],
      "BG": [digitRun(9), digitRun(10)],
      "CY": [digitRun(8) + "l"],
      "CZ": [digitRun(8), digitRun(9), digitRun(10)],
      "DE": [digitRun(9)],
      "DK": [digitRun(8)],
      "EE": [digitRun(9)],
      "EL": [digitRun(9)],
      "ES": ["l" + digitRun(7) + "x", digitRun(8) + "l"],
      "FI": [digitRun(8)],
      "HR": [digitRun(11)],
      "HU": [digitRun(8)],
      "IE": [digitRun(7) + "l", digitRun(7) + "ll", "dp" + digitRun(5) + "l"],
      "IT": [digitRun(11)],
      "LT": [digitRun(9), digitRun(12)],
      "LU": [digitRun(8)],
      "LV": [digitRun(11)],
      "MT": [digitRun(8)],
      "NL": [digitRun(9) + "B" + digitRun(2)],
      "PL": [digitRun(10)],
      "PT": [digitRun(9)],
      "RO": (2...10).map(digitRun),
      "SE": [digitRun(10) + "01"],
      "SI": [digitRun(8)],
      "SK": [digitRun(10)],
      "XI": britishPatterns,
      "GB": britishPatterns,
    ]
  }()

  private static let swissSuffixes: [StaticString] = ["mwst", "tva", "iva"]

  /// Intra-community VAT number, uppercased without spaces, dots or dashes. French numbers are
  /// checked against their SIREN; other EU prefixes (plus XI, GB and Swiss CHE) by format only.
  /// "GR" is read as Greece's official "EL"; a Swiss MWST/TVA/IVA suffix is dropped.
  package static func vatNumber(_ raw: String) -> ValueCheck {
    ValueBytes.withBytes(raw, vatNumber)
  }

  /// `vatNumber` of UTF-8 bytes.
  package static func vatNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> ValueCheck {
    ScratchBytes.with(capacity: bytes.count) { vatNumber(bytes, &$0) }
  }

  private static func vatNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ compact: inout ScratchBytes)
    -> ValueCheck
  {
    let kept = compacting(bytes, into: &compact) { byte in
      ValueBytes.isDigit(byte) || ValueBytes.isLetter(byte) || byte == ValueBytes.plus
        || byte == ValueBytes.asterisk ? ValueBytes.uppercased(byte) : nil
    }
    guard kept else { return .invalid(Message(.vatBadCharacters)) }
    if compact.count == 0 { return .invalid(Message(.valueEmpty)) }
    guard compact.count >= 2, ValueBytes.isLetter(compact[0]), ValueBytes.isLetter(compact[1])
    else { return .invalid(Message(.vatNoCountry)) }
    guard compact.count >= 4 else { return .invalid(Message(.vatTooShort)) }

    if startsWith(compact.bytes, "CHE") {
      return swissVATNumber(UnsafeBufferPointer(rebasing: compact.bytes[3...]))
    }
    var prefix = String(decoding: compact.bytes[0..<2], as: UTF8.self)
    if prefix == "GR" { prefix = "EL" }
    let body = UnsafeBufferPointer(rebasing: compact.bytes[2...])
    if prefix == "FR" { return frenchVATNumber(body) }
    guard let patterns = vatPatterns[prefix] else {
      return .invalid(Message(.vatUnknownCountry, ["prefix": .text(prefix)]))
    }
    for pattern in patterns where matches(body, pattern) {
      return .valid(prefix + String(decoding: body, as: UTF8.self))
    }
    return .invalid(Message(.vatFormat, ["prefix": .text(prefix)]))
  }

  private static func swissVATNumber(_ body: UnsafeBufferPointer<UInt8>) -> ValueCheck {
    let hasLanguageSuffix =
      body.count > 9
      && swissSuffixes.contains { ValueBytes.equalsLowercased(body, 9..<body.count, $0) }
    guard body.count == 9 || hasLanguageSuffix, body[0..<9].allSatisfy(ValueBytes.isDigit) else {
      return .invalid(Message(.vatSwissFormat))
    }
    return .valid("CHE" + String(decoding: body[0..<9], as: UTF8.self))
  }

  private static func frenchVATNumber(_ body: UnsafeBufferPointer<UInt8>) -> ValueCheck {
    guard body.count == 11 else {
      return .invalid(Message(.vatFrenchFormat))
    }
    let siren = body[2...]
    guard siren.allSatisfy(ValueBytes.isDigit) else {
      return .invalid(Message(.vatSirenNotDigits))
    }
    let number = "FR" + String(decoding: body, as: UTF8.self)
    let key = body[0..<2]
    if key.allSatisfy(ValueBytes.isDigit) {
      let sirenValue = siren.reduce(0) { $0 * 10 + Int($1 &- ValueBytes.zero) }
      let expected = (12 + 3 * (sirenValue % 97)) % 97
      let actual = key.reduce(0) { $0 * 10 + Int($1 &- ValueBytes.zero) }
      guard actual == expected else {
        let expectedText = expected < 10 ? "0\(expected)" : "\(expected)"
        return .invalid(Message(.vatKeyMismatch, ["expected": .text(expectedText)]))
      }
      return passesLuhn(siren) ? .valid(number) : .invalid(Message(.vatSirenChecksum))
    }
    // Newer keys use digits and capitals except I and O.
    let keyIsWellFormed = key.allSatisfy { byte in
      ValueBytes.isDigit(byte)
        || (ValueBytes.isUpperLetter(byte) && byte != UInt8(ascii: "I")
          && byte != UInt8(ascii: "O"))
    }
    return keyIsWellFormed
      ? .valid(number) : .invalid(Message(.vatBadKey))
  }

  private static func matches(_ body: UnsafeBufferPointer<UInt8>, _ pattern: String) -> Bool {
    guard body.count == pattern.utf8.count else { return false }
    var offset = 0
    for expected in pattern.utf8 {
      let byte = body[offset]
      let fits: Bool
      switch expected {
      case UInt8(ascii: "d"): fits = ValueBytes.isDigit(byte)
      case UInt8(ascii: "l"): fits = ValueBytes.isUpperLetter(byte)
      case UInt8(ascii: "x"): fits = ValueBytes.isUpperLetter(byte) || ValueBytes.isDigit(byte)
      case UInt8(ascii: "p"):
        fits =
          ValueBytes.isUpperLetter(byte) || byte == ValueBytes.plus || byte == ValueBytes.asterisk
      default: fits = byte == expected
      }
      if !fits { return false }
      offset += 1
    }
    return true
  }
}
