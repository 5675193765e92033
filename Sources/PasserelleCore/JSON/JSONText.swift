/// JSON string literals written straight into a byte buffer.
package enum JSONText {
  package static func append(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(0x22)
    var text = text
    text.withUTF8 { appendEscaped(UnsafeRawBufferPointer($0), .utf8, to: &bytes) }
    bytes.append(0x22)
  }

  /// Raw field bytes of the given encoding, transcoded to UTF-8 and escaped (no quotes).
  /// Runs of bytes that stay as they are (most of a value) are copied in one go, and
  /// found eight bytes at a time: every text value of every payload passes here.
  package static func appendEscaped(
    _ value: UnsafeRawBufferPointer, _ encoding: TextEncoding, to bytes: inout [UInt8]
  ) {
    let count = value.count
    var clean = 0
    var index = 0
    func copyRun() {
      if clean < index {
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: value[clean..<index]))
      }
    }
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
      if byte >= 0x80 {
        // UTF-8 passes through; Windows-1252 is transcoded.
        if encoding == .utf8 {
          index += 1
          continue
        }
        copyRun()
        bytes.append(contentsOf: Windows1252.utf8[Int(byte) - 0x80])
      } else if byte < 0x20 || byte == 0x22 || byte == 0x5C {
        copyRun()
        appendEscape(byte, to: &bytes)
      } else {
        index += 1
        continue
      }
      index += 1
      clean = index
    }
    copyRun()
  }

  package static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
    bytes.append(0x5C)
    switch byte {
    case 0x22: bytes.append(0x22)
    case 0x5C: bytes.append(0x5C)
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    default:
      bytes.append(contentsOf: [
        UInt8(ascii: "u"), 0x30, 0x30, Hex.digits[Int(byte >> 4)], Hex.digits[Int(byte & 0xF)],
      ])
    }
  }
}
