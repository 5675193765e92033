package enum Windows1252 {
  /// Unicode scalars of bytes 0x80–0x9F; 0 marks the five bytes the code page leaves undefined.
  static let highControlRange: [UInt16] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ]

  /// UTF-8 bytes of 0x80–0xFF, for transcoding without building strings.
  static let utf8: [[UInt8]] = (0x80...0xFF).map { Array(String(scalar(UInt8($0))).utf8) }

  package static func isDefined(_ byte: UInt8) -> Bool {
    byte < 0x80 || byte > 0x9F || highControlRange[Int(byte) - 0x80] != 0
  }

  static func scalar(_ byte: UInt8) -> Unicode.Scalar {
    if byte >= 0x80 && byte <= 0x9F {
      // An undefined byte (0 in the table, itself a valid scalar) reads as U+FFFD.
      let value = highControlRange[Int(byte) - 0x80]
      return value == 0 ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}"
    }
    return Unicode.Scalar(byte)
  }

  package static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
    var highBytes = 0
    for byte in bytes where byte >= 0x80 { highBytes += 1 }
    // Most fields are plain ASCII: decode them without any conversion.
    if highBytes == 0 { return String(decoding: bytes, as: UTF8.self) }
    // Written straight into the string: a high byte takes at most three UTF-8 bytes.
    return String(unsafeUninitializedCapacity: bytes.count + 2 * highBytes) { text in
      var count = 0
      for byte in bytes {
        if byte < 0x80 {
          text[count] = byte
          count += 1
        } else {
          for unit in utf8[Int(byte) - 0x80] {
            text[count] = unit
            count += 1
          }
        }
      }
      return count
    }
  }

  /// The byte for a scalar, or nil when the code page cannot hold it.
  package static func encode(_ scalar: Unicode.Scalar) -> UInt8? {
    let value = scalar.value
    if value < 0x80 || (value >= 0xA0 && value <= 0xFF) { return UInt8(value) }
    if let index = highControlRange.firstIndex(of: UInt16(truncatingIfNeeded: value)),
      value <= 0xFFFF, highControlRange[index] != 0
    {
      return UInt8(0x80 + index)
    }
    return nil
  }
}
