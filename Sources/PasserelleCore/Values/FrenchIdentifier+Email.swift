extension FrenchIdentifier {
  /// E-mail address with its domain lowercased. A "mailto:" prefix is stripped; several addresses
  /// separated by ';' or ',' are rejected as "several addresses", for the caller to handle.
  package static func email(_ raw: String) -> ValueCheck {
    ValueBytes.withBytes(raw, email)
  }

  /// `email` of UTF-8 bytes.
  package static func email(_ bytes: UnsafeBufferPointer<UInt8>) -> ValueCheck {
    var range = ValueBytes.trimmedRange(bytes)
    if ValueBytes.hasLowercasedPrefix(
      bytes, from: range.lowerBound, end: range.upperBound, "mailto:")
    {
      range = ValueBytes.trimmedRange(bytes, (range.lowerBound + 7)..<range.upperBound)
    }
    if range.isEmpty { return .invalid(Message(.valueEmpty)) }

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
          if address != nil { return .invalid(Message(.emailSeveral)) }
          address = part
        }
        partStart = index + 1
      }
      index += 1
    }
    guard let address else { return .invalid(Message(.valueEmpty)) }
    return checkedAddress(bytes, address)
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
    guard range.count <= 254 else { return .invalid(Message(.emailTooLong)) }
    var atIndex: Int? = nil
    for index in range where bytes[index] == ValueBytes.at {
      if atIndex != nil { return .invalid(Message(.emailSeveralAt)) }
      atIndex = index
    }
    guard let atIndex else { return .invalid(Message(.emailNoAt)) }

    let local = range.lowerBound..<atIndex
    guard !local.isEmpty else { return .invalid(Message(.emailNothingBeforeAt)) }
    guard local.count <= 64 else { return .invalid(Message(.emailLocalTooLong)) }
    var previous: UInt8 = 0
    for index in local {
      let byte = bytes[index]
      if ValueBytes.spaceLength(bytes, at: index, end: range.upperBound) > 0 {
        return .invalid(Message(.valueHasSpaces))
      }
      guard isLocalPartByte(byte) else { return .invalid(Message(.emailBadLocalCharacter)) }
      if byte == ValueBytes.dot && previous == ValueBytes.dot {
        return .invalid(Message(.emailDoubleDot))
      }
      previous = byte
    }
    if bytes[local.lowerBound] == ValueBytes.dot || bytes[local.upperBound - 1] == ValueBytes.dot {
      return .invalid(Message(.emailLocalDotEdge))
    }

    return ScratchBytes.with(capacity: range.count) { output in
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[local]))
      output.append(ValueBytes.at)

      let domain = (atIndex + 1)..<range.upperBound
      guard !domain.isEmpty else { return .invalid(Message(.emailNoDomain)) }
      var labelCount = 0
      var labelStart = domain.lowerBound
      var index = domain.lowerBound
      while index <= domain.upperBound {
        if index < domain.upperBound && bytes[index] != ValueBytes.dot {
          let byte = ValueBytes.lowercased(bytes[index])
          if ValueBytes.spaceLength(bytes, at: index, end: domain.upperBound) > 0 {
            return .invalid(Message(.valueHasSpaces))
          }
          guard
            ValueBytes.isLowerLetter(byte) || ValueBytes.isDigit(byte) || byte == ValueBytes.dash
          else { return .invalid(Message(.emailBadDomainCharacter)) }
          output.append(byte)
          index += 1
          continue
        }
        let label = labelStart..<index
        guard !label.isEmpty else { return .invalid(Message(.emailEmptyDomainLabel)) }
        guard label.count <= 63 else { return .invalid(Message(.emailDomainLabelTooLong)) }
        if bytes[label.lowerBound] == ValueBytes.dash
          || bytes[label.upperBound - 1] == ValueBytes.dash
        {
          return .invalid(Message(.emailDomainLabelDash))
        }
        labelCount += 1
        if index == domain.upperBound {
          let topLevelIsLetters =
            label.count >= 2 && label.allSatisfy { ValueBytes.isLetter(bytes[$0]) }
          guard topLevelIsLetters else { return .invalid(Message(.emailBadTopLevel)) }
        } else {
          output.append(ValueBytes.dot)
        }
        labelStart = index + 1
        index += 1
      }
      guard labelCount >= 2 else { return .invalid(Message(.emailDomainNoDot)) }
      return .valid(output.string)
    }
  }
}
