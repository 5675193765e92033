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
    ValueBytes.withBytes(raw) { bytes in
      var digits: [UInt8] = []
      digits.reserveCapacity(14)
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if ValueBytes.isDigit(byte) {
          digits.append(byte)
          index += 1
        } else if byte == ValueBytes.dot || byte == ValueBytes.dash {
          index += 1
        } else {
          let length = ValueBytes.spaceLength(bytes, at: index, end: bytes.count)
          guard length > 0 else { return .invalid("contains characters other than digits") }
          index += length
        }
      }
      if digits.isEmpty { return .invalid("empty") }
      guard digits.count == 14 || digits.count == 9 else {
        return .invalid("has \(digits.count) digits; a SIRET has 14, a SIREN 9")
      }
      let number = String(decoding: digits, as: UTF8.self)
      if digits.count == 14 && startsWith(digits, laPosteSIREN)
        && !startsWith(digits, laPosteHeadOfficeSIRET)
      {
        let digitSum = digits.reduce(0) { $0 + Int($1 &- ValueBytes.zero) }
        return digitSum % 5 == 0
          ? .valid(number) : .invalid("La Poste checksum fails (digit sum not a multiple of 5)")
      }
      return passesLuhn(digits) ? .valid(number) : .invalid("Luhn checksum fails")
    }
  }

  static func passesLuhn(_ digits: [UInt8]) -> Bool {
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

  private static func startsWith(_ bytes: [UInt8], _ prefix: StaticString) -> Bool {
    guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
    return prefix.withUTF8Buffer { prefixBytes in
      for offset in 0..<prefixBytes.count where bytes[offset] != prefixBytes[offset] {
        return false
      }
      return true
    }
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
    ValueBytes.withBytes(raw) { bytes in
      var compact: [UInt8] = []
      compact.reserveCapacity(bytes.count)
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if ValueBytes.isDigit(byte) || ValueBytes.isLetter(byte) || byte == ValueBytes.plus
          || byte == ValueBytes.asterisk
        {
          compact.append(ValueBytes.uppercased(byte))
          index += 1
        } else if byte == ValueBytes.dot || byte == ValueBytes.dash {
          index += 1
        } else {
          let length = ValueBytes.spaceLength(bytes, at: index, end: bytes.count)
          guard length > 0 else {
            return .invalid("contains characters other than letters and digits")
          }
          index += length
        }
      }
      if compact.isEmpty { return .invalid("empty") }
      guard compact.count >= 2, ValueBytes.isLetter(compact[0]), ValueBytes.isLetter(compact[1])
      else { return .invalid("no country prefix") }
      guard compact.count >= 4 else { return .invalid("too short") }

      if startsWith(compact, "CHE") {
        return swissVATNumber(Array(compact[3...]))
      }
      var prefix = String(decoding: compact[0..<2], as: UTF8.self)
      if prefix == "GR" { prefix = "EL" }
      let body = Array(compact[2...])
      if prefix == "FR" { return frenchVATNumber(body) }
      guard let patterns = vatPatterns[prefix] else {
        return .invalid("unknown country prefix \"\(prefix)\"")
      }
      for pattern in patterns where matches(body, pattern) {
        return .valid(prefix + String(decoding: body, as: UTF8.self))
      }
      return .invalid("does not match the \(prefix) VAT number format")
    }
  }

  private static func swissVATNumber(_ body: [UInt8]) -> ValueCheck {
    let hasLanguageSuffix =
      body.count > 9
      && body.withUnsafeBufferPointer { buffer in
        swissSuffixes.contains { ValueBytes.equalsLowercased(buffer, 9..<buffer.count, $0) }
      }
    guard body.count == 9 || hasLanguageSuffix, body[0..<9].allSatisfy(ValueBytes.isDigit) else {
      return .invalid("does not match the CHE VAT number format")
    }
    return .valid("CHE" + String(decoding: body[0..<9], as: UTF8.self))
  }

  private static func frenchVATNumber(_ body: [UInt8]) -> ValueCheck {
    guard body.count == 11 else {
      return .invalid("a French VAT number is FR, a 2-character key and the 9-digit SIREN")
    }
    let siren = Array(body[2...])
    guard siren.allSatisfy(ValueBytes.isDigit) else {
      return .invalid("the SIREN part has characters other than digits")
    }
    let number = "FR" + String(decoding: body, as: UTF8.self)
    let key = body[0..<2]
    if key.allSatisfy(ValueBytes.isDigit) {
      let sirenValue = siren.reduce(0) { $0 * 10 + Int($1 &- ValueBytes.zero) }
      let expected = (12 + 3 * (sirenValue % 97)) % 97
      let actual = key.reduce(0) { $0 * 10 + Int($1 &- ValueBytes.zero) }
      guard actual == expected else {
        let expectedText = expected < 10 ? "0\(expected)" : "\(expected)"
        return .invalid("key does not match the SIREN (expected \(expectedText))")
      }
      return passesLuhn(siren) ? .valid(number) : .invalid("SIREN fails the Luhn checksum")
    }
    // Newer keys use digits and capitals except I and O.
    let keyIsWellFormed = key.allSatisfy { byte in
      ValueBytes.isDigit(byte)
        || (ValueBytes.isUpperLetter(byte) && byte != UInt8(ascii: "I")
          && byte != UInt8(ascii: "O"))
    }
    return keyIsWellFormed
      ? .valid(number) : .invalid("key has characters outside 0-9 and A-Z but I, O")
  }

  private static func matches(_ body: [UInt8], _ pattern: String) -> Bool {
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

  // MARK: Phone

  /// Phone number as E.164 ("+33612345678"). Spaces, dots, dashes, slashes and parentheses are
  /// ignored; "00" becomes "+"; a "(0)" after the country code is dropped. French national numbers
  /// (when `countryISO` is nil, FR or a French overseas code) get their calling code, overseas
  /// prefixes included. Another country's national number is returned as bare digits, because it
  /// cannot be made international safely.
  package static func phone(_ raw: String, countryISO: String?) -> ValueCheck {
    ValueBytes.withBytes(raw) { bytes in
      let range = ValueBytes.trimmedRange(bytes)
      if range.isEmpty { return .invalid("empty") }
      var digits: [UInt8] = []
      digits.reserveCapacity(16)
      var hasPlus = false
      var index = range.lowerBound
      let end = range.upperBound
      while index < end {
        let byte = bytes[index]
        if ValueBytes.isDigit(byte) {
          guard digits.count <= 20 else { return .invalid("more than 15 digits") }
          digits.append(byte)
          index += 1
          continue
        }
        switch byte {
        case ValueBytes.plus:
          guard digits.isEmpty && !hasPlus else { return .invalid("'+' is not at the start") }
          hasPlus = true
          index += 1
        case ValueBytes.openParenthesis:
          let isTrunkZero =
            index + 2 < end && bytes[index + 1] == ValueBytes.zero
            && bytes[index + 2] == ValueBytes.closeParenthesis
          let isInternational =
            (hasPlus && !digits.isEmpty)
            || (digits.count > 2 && digits[0] == ValueBytes.zero && digits[1] == ValueBytes.zero)
          // "+33 (0)1…": the bracketed 0 is the national prefix, not dialled from abroad.
          index += isTrunkZero && isInternational ? 3 : 1
        case ValueBytes.closeParenthesis, ValueBytes.dot, ValueBytes.dash, ValueBytes.slash:
          index += 1
        default:
          let length = ValueBytes.spaceLength(bytes, at: index, end: end)
          if length > 0 {
            index += length
          } else if ValueBytes.isLetter(byte) {
            return .invalid(
              startsExtension(bytes, at: index, end: end)
                ? "has an extension" : "contains letters")
          } else {
            return .invalid("contains an unexpected character")
          }
        }
      }
      if digits.isEmpty { return .invalid("no digits") }
      if hasPlus { return internationalPhone(digits[...]) }
      if digits.count > 2 && digits[0] == ValueBytes.zero && digits[1] == ValueBytes.zero {
        return internationalPhone(digits[2...])
      }
      if digits.count < 8 { return .invalid("fewer than 8 digits") }
      if digits.count > 15 { return .invalid("more than 15 digits") }
      let usesFrenchNumbering = countryISO.map(Countries.usesFrenchNumbering) ?? true
      guard usesFrenchNumbering else { return .valid(String(decoding: digits, as: UTF8.self)) }
      return frenchNationalPhone(digits)
    }
  }

  private static let extensionWords: [StaticString] = ["poste", "ext", "extension", "x", "p"]

  private static func startsExtension(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int
  ) -> Bool {
    var wordEnd = start
    while wordEnd < end, ValueBytes.isLetter(bytes[wordEnd]) { wordEnd += 1 }
    return extensionWords.contains { ValueBytes.equalsLowercased(bytes, start..<wordEnd, $0) }
  }

  /// Calling codes whose national numbers are sometimes written with the French trunk "0" after
  /// the code ("+33 0 6…"), with the national significant number length that follows.
  private static let trunkZeroCodes: [(code: StaticString, significantDigits: Int)] = [
    ("33", 9), ("262", 9), ("590", 9), ("594", 9), ("596", 9),
  ]

  private static func internationalPhone(_ digits: ArraySlice<UInt8>) -> ValueCheck {
    guard let first = digits.first else {
      return .invalid("no digits after the international prefix")
    }
    guard first != ValueBytes.zero else { return .invalid("country code starts with 0") }
    var number = Array(digits)
    for (code, significantDigits) in trunkZeroCodes {
      let codeLength = code.utf8CodeUnitCount
      if number.count == codeLength + 1 + significantDigits && startsWith(number, code)
        && number[codeLength] == ValueBytes.zero
      {
        number.remove(at: codeLength)
        break
      }
    }
    if number.count < 8 { return .invalid("fewer than 8 digits") }
    if number.count > 15 { return .invalid("more than 15 digits") }
    if startsWith(number, "33") && number.count != 11 {
      return .invalid("a +33 number has 9 digits after the country code")
    }
    return .valid("+" + String(decoding: number, as: UTF8.self))
  }

  private static func frenchNationalPhone(_ digits: [UInt8]) -> ValueCheck {
    var national = digits
    // A spreadsheet often drops the leading 0 of a French number stored as a number.
    if national.count == 9 && national[0] != ValueBytes.zero {
      national.insert(ValueBytes.zero, at: 0)
    }
    guard national.count == 10, national[0] == ValueBytes.zero else {
      return .invalid("a French national number has 10 digits starting with 0")
    }
    let prefix = national[1..<4].reduce(0) { $0 * 10 + Int($1 &- ValueBytes.zero) }
    let significant = String(decoding: national[1...], as: UTF8.self)
    switch prefix {
    case 262, 263, 269, 639, 692, 693: return .valid("+262" + significant)
    case 590, 690, 691: return .valid("+590" + significant)
    case 594, 694: return .valid("+594" + significant)
    case 596, 696, 697: return .valid("+596" + significant)
    // Saint-Pierre-et-Miquelon numbers are 6 digits: "0508 41 23 45" dials +508 41 23 45.
    case 508: return .valid("+" + significant)
    default: return .valid("+33" + significant)
    }
  }

  // MARK: E-mail

  /// E-mail address with its domain lowercased. A "mailto:" prefix is stripped; several addresses
  /// separated by ';' or ',' are rejected as "several addresses", for the caller to handle.
  package static func email(_ raw: String) -> ValueCheck {
    ValueBytes.withBytes(raw) { bytes in
      var range = ValueBytes.trimmedRange(bytes)
      if ValueBytes.hasLowercasedPrefix(
        bytes, from: range.lowerBound, end: range.upperBound, "mailto:")
      {
        range = ValueBytes.trimmedRange(bytes, (range.lowerBound + 7)..<range.upperBound)
      }
      if range.isEmpty { return .invalid("empty") }

      var address: Range<Int>? = nil
      var partStart = range.lowerBound
      var index = range.lowerBound
      while index <= range.upperBound {
        let atSeparator =
          index == range.upperBound || bytes[index] == ValueBytes.semicolon
          || bytes[index] == ValueBytes.comma
        if atSeparator {
          let part = ValueBytes.trimmedRange(bytes, partStart..<index)
          if !part.isEmpty {
            if address != nil { return .invalid("several addresses") }
            address = part
          }
          partStart = index + 1
        }
        index += 1
      }
      guard let address else { return .invalid("empty") }
      return checkedAddress(bytes, address)
    }
  }

  /// ASCII bytes allowed before the '@' (letters, digits and RFC 5322 atom symbols), by value.
  private static let localPartBytes: [Bool] = {
    var allowed = [Bool](repeating: false, count: 128)
    for byte in "!#$%&'*+-/=?^_`{|}~.".utf8 { allowed[Int(byte)] = true }
    for byte in UInt8(0)..<128 where ValueBytes.isLetter(byte) || ValueBytes.isDigit(byte) {
      allowed[Int(byte)] = true
    }
    return allowed
  }()

  private static func isLocalPartByte(_ byte: UInt8) -> Bool {
    byte < 128 && localPartBytes[Int(byte)]
  }

  private static func checkedAddress(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> ValueCheck
  {
    guard range.count <= 254 else { return .invalid("longer than 254 characters") }
    var atIndex: Int? = nil
    for index in range where bytes[index] == ValueBytes.at {
      if atIndex != nil { return .invalid("more than one '@'") }
      atIndex = index
    }
    guard let atIndex else { return .invalid("no '@'") }

    let local = range.lowerBound..<atIndex
    guard !local.isEmpty else { return .invalid("nothing before the '@'") }
    guard local.count <= 64 else { return .invalid("more than 64 characters before the '@'") }
    var previous: UInt8 = 0
    for index in local {
      let byte = bytes[index]
      if ValueBytes.spaceLength(bytes, at: index, end: range.upperBound) > 0 {
        return .invalid("contains spaces")
      }
      guard isLocalPartByte(byte) else { return .invalid("invalid character before the '@'") }
      if byte == ValueBytes.dot && previous == ValueBytes.dot {
        return .invalid("'..' before the '@'")
      }
      previous = byte
    }
    if bytes[local.lowerBound] == ValueBytes.dot || bytes[local.upperBound - 1] == ValueBytes.dot {
      return .invalid("the part before the '@' starts or ends with '.'")
    }

    var output: [UInt8] = []
    output.reserveCapacity(range.count)
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[local]))
    output.append(ValueBytes.at)

    let domain = (atIndex + 1)..<range.upperBound
    guard !domain.isEmpty else { return .invalid("no domain after the '@'") }
    var labelCount = 0
    var labelStart = domain.lowerBound
    var index = domain.lowerBound
    while index <= domain.upperBound {
      if index < domain.upperBound && bytes[index] != ValueBytes.dot {
        let byte = ValueBytes.lowercased(bytes[index])
        if ValueBytes.spaceLength(bytes, at: index, end: domain.upperBound) > 0 {
          return .invalid("contains spaces")
        }
        guard ValueBytes.isLowerLetter(byte) || ValueBytes.isDigit(byte) || byte == ValueBytes.dash
        else { return .invalid("invalid character in the domain") }
        output.append(byte)
        index += 1
        continue
      }
      let label = labelStart..<index
      guard !label.isEmpty else { return .invalid("empty label in the domain") }
      guard label.count <= 63 else { return .invalid("domain label longer than 63 characters") }
      if bytes[label.lowerBound] == ValueBytes.dash
        || bytes[label.upperBound - 1] == ValueBytes.dash
      {
        return .invalid("domain label starts or ends with '-'")
      }
      labelCount += 1
      if index == domain.upperBound {
        let topLevelIsLetters =
          label.count >= 2 && label.allSatisfy { ValueBytes.isLetter(bytes[$0]) }
        guard topLevelIsLetters else { return .invalid("top-level domain is not 2+ letters") }
      } else {
        output.append(ValueBytes.dot)
      }
      labelStart = index + 1
      index += 1
    }
    guard labelCount >= 2 else { return .invalid("domain has no '.'") }
    return .valid(String(decoding: output, as: UTF8.self))
  }
}
