extension FrenchIdentifier {
  /// Phone number as E.164 ("+33612345678"). Spaces, dots, dashes, slashes and parentheses are
  /// ignored; "00" becomes "+"; a "(0)" after the country code is dropped. French national numbers
  /// (when `countryISO` is nil, FR or a French overseas code) get their calling code, overseas
  /// prefixes included. Another country's national number is returned as bare digits, because it
  /// cannot be made international safely.
  package static func phone(_ raw: String, countryISO: String?) -> ValueCheck {
    ValueBytes.withBytes(raw) { phone($0, countryISO: countryISO) }
  }

  /// `phone` of UTF-8 bytes.
  package static func phone(_ bytes: UnsafeBufferPointer<UInt8>, countryISO: String?)
    -> ValueCheck
  {
    let range = ValueBytes.trimmedRange(bytes)
    if range.isEmpty { return .invalid(Message(.valueEmpty)) }
    // At most 21 digits are kept: a longer number is refused.
    return ScratchBytes.with(capacity: 21) { digits in
      var hasPlus = false
      var index = range.lowerBound
      let end = range.upperBound
      while index < end {
        let byte = bytes[index]
        if ValueBytes.isDigit(byte) {
          guard digits.count <= 20 else { return .invalid(Message(.phoneTooLong)) }
          digits.append(byte)
          index += 1
          continue
        }
        switch byte {
        case ValueBytes.plus:
          guard digits.count == 0 && !hasPlus else {
            return .invalid(Message(.phonePlusInside))
          }
          hasPlus = true
          index += 1
        case ValueBytes.openParenthesis:
          let isTrunkZero =
            index + 2 < end && bytes[index + 1] == ValueBytes.zero
            && bytes[index + 2] == ValueBytes.closeParenthesis
          let isInternational =
            (hasPlus && digits.count > 0)
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
              Message(
                startsExtension(bytes, at: index, end: end) ? .phoneExtension : .phoneLetters)
            )
          } else {
            return .invalid(Message(.phoneBadCharacter))
          }
        }
      }
      if digits.count == 0 { return .invalid(Message(.phoneNoDigits)) }
      if hasPlus { return internationalPhone(digits.bytes) }
      if digits.count > 2 && digits[0] == ValueBytes.zero && digits[1] == ValueBytes.zero {
        return internationalPhone(UnsafeBufferPointer(rebasing: digits.bytes[2...]))
      }
      if digits.count < 8 { return .invalid(Message(.phoneTooShort)) }
      if digits.count > 15 { return .invalid(Message(.phoneTooLong)) }
      let usesFrenchNumbering = countryISO.map(Countries.usesFrenchNumbering) ?? true
      guard usesFrenchNumbering else { return .valid(digits.string) }
      return frenchNationalPhone(digits.bytes)
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

  private static func internationalPhone(_ digits: UnsafeBufferPointer<UInt8>) -> ValueCheck {
    guard let first = digits.first else {
      return .invalid(Message(.phoneNothingAfterPrefix))
    }
    guard first != ValueBytes.zero else { return .invalid(Message(.phoneCountryZero)) }
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
    if number.count < 8 { return .invalid(Message(.phoneTooShort)) }
    if number.count > 15 { return .invalid(Message(.phoneTooLong)) }
    if startsWith(number, "33") && number.count != 11 {
      return .invalid(Message(.phoneFrenchInternational))
    }
    return .valid("+" + String(decoding: number, as: UTF8.self))
  }

  private static func frenchNationalPhone(_ digits: UnsafeBufferPointer<UInt8>) -> ValueCheck {
    // A spreadsheet often drops the leading 0 of a French number stored as a number.
    let droppedZero = digits.count == 9 && digits[0] != ValueBytes.zero
    guard droppedZero || (digits.count == 10 && digits[0] == ValueBytes.zero) else {
      return .invalid(Message(.phoneFrenchNational))
    }
    let national = UnsafeBufferPointer(rebasing: digits[(droppedZero ? 0 : 1)...])
    let prefix = national[0..<3].reduce(0) { $0 * 10 + Int($1 &- ValueBytes.zero) }
    let significant = String(decoding: national, as: UTF8.self)
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
}
