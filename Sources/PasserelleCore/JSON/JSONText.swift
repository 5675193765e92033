/// JSON string literals written straight into a byte buffer.
package enum JSONText {
  package static func append(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(0x22)
    var text = text
    text.withUTF8 { appendEscaped(UnsafeRawBufferPointer($0), .utf8, to: &bytes) }
    bytes.append(0x22)
  }

  /// Raw field bytes of the given encoding, transcoded to UTF-8 and escaped (no quotes).
  package static func appendEscaped(
    _ value: UnsafeRawBufferPointer, _ encoding: TextEncoding, to bytes: inout [UInt8]
  ) {
    scan(
      value, encoding,
      unchanged: { bytes.append(contentsOf: $0) },
      changed: { byte in
        if byte >= 0x80 {
          bytes.append(contentsOf: Windows1252.utf8[Int(byte) - 0x80])
        } else {
          appendEscape(byte, to: &bytes)
        }
      })
  }

  /// The most bytes `writeEscaped` writes for `count` bytes: six for a control
  /// character (`\u001f`), three for a Windows-1252 byte.
  package static func escapedBound(_ count: Int) -> Int { 6 * count }

  /// `appendEscaped` into memory with room for `escapedBound(value.count)` bytes.
  /// Returns the bytes written.
  package static func writeEscaped(
    _ value: UnsafeRawBufferPointer, _ encoding: TextEncoding,
    to output: UnsafeMutablePointer<UInt8>
  ) -> Int {
    var written = 0
    scan(
      value, encoding,
      unchanged: { run in
        UnsafeMutableRawPointer(output + written).copyMemory(
          from: run.baseAddress!, byteCount: run.count)
        written += run.count
      },
      changed: { byte in
        if byte >= 0x80 {
          for utf8 in Windows1252.utf8[Int(byte) - 0x80] {
            output[written] = utf8
            written += 1
          }
        } else {
          written += writeEscape(byte, to: output + written)
        }
      })
    return written
  }

  /// Walks `value` as runs of bytes that stay as they are (most of a value, found
  /// eight bytes at a time: every text value of every payload passes here) and the
  /// bytes that change: quotes, backslashes and control characters, and bytes above
  /// 0x7F unless the text is already UTF-8.
  @inline(__always)
  private static func scan(
    _ value: UnsafeRawBufferPointer, _ encoding: TextEncoding,
    unchanged: (UnsafeRawBufferPointer) -> Void, changed: (UInt8) -> Void
  ) {
    let count = value.count
    var clean = 0
    var index = 0
    while index < count {
      if index + 8 <= count {
        let word = value.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if !ByteWord.hasHighByte(word) && !ByteWord.hasByte(word, below: 0x20)
          && !ByteWord.contains(word, 0x22) && !ByteWord.contains(word, 0x5C)
        {
          index += 8
          continue
        }
      }
      let byte = value[index]
      let changes =
        byte >= 0x80 ? encoding != .utf8 : (byte < 0x20 || byte == 0x22 || byte == 0x5C)
      index += 1
      if changes {
        if clean < index - 1 {
          unchanged(UnsafeRawBufferPointer(rebasing: value[clean..<(index - 1)]))
        }
        changed(byte)
        clean = index
      }
    }
    if clean < count { unchanged(UnsafeRawBufferPointer(rebasing: value[clean..<count])) }
  }

  package static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6) { escape in
      let count = writeEscape(byte, to: escape.baseAddress!)
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: escape[..<count]))
    }
  }

  /// A byte's escape (`\n`, `\u0001`…) into memory with room for six bytes.
  /// Returns the bytes written.
  package static func writeEscape(_ byte: UInt8, to output: UnsafeMutablePointer<UInt8>) -> Int {
    output[0] = 0x5C
    switch byte {
    case 0x22: output[1] = 0x22
    case 0x5C: output[1] = 0x5C
    case 0x0A: output[1] = UInt8(ascii: "n")
    case 0x0D: output[1] = UInt8(ascii: "r")
    case 0x09: output[1] = UInt8(ascii: "t")
    default:
      output[1] = UInt8(ascii: "u")
      output[2] = 0x30
      output[3] = 0x30
      output[4] = Hex.digits[Int(byte >> 4)]
      output[5] = Hex.digits[Int(byte & 0xF)]
      return 6
    }
    return 2
  }
}
