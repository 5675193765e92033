import Foundation

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

/// Appends JSON to a byte buffer: no intermediate objects, no reflection. Used for
/// every payload, where a general-purpose encoder would dominate the run time.
package struct JSONBytes {
  package var bytes: [UInt8] = []

  package init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

  package mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  package mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

  package mutating func string(_ text: String) { JSONText.append(text, to: &bytes) }

  package mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

  /// A number already in JSON form.
  package mutating func number(_ literal: String) { bytes.append(contentsOf: literal.utf8) }

  package mutating func number(_ amount: Amount) { amount.appendLiteral(to: &bytes) }
}

/// Builds one JSON object (`{"key": value, …}` on one line) straight from field
/// bytes: text columns are transcoded and escaped in one pass, without making a
/// `String` of each value first. Keys are ASCII literals.
package struct JSONObject {
  private(set) var bytes: [UInt8]
  private var isEmpty = true

  package init(capacity: Int = 2048) {
    bytes = []
    bytes.reserveCapacity(capacity)
    bytes.append(UInt8(ascii: "{"))
  }

  // Bytes are appended one by one: array literals here would allocate on every field.
  private mutating func key(_ name: StaticString) {
    if isEmpty {
      isEmpty = false
    } else {
      bytes.append(UInt8(ascii: ","))
      bytes.append(0x20)
    }
    bytes.append(0x22)
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(0x22)
    bytes.append(UInt8(ascii: ":"))
    bytes.append(0x20)
  }

  package mutating func string(_ name: StaticString, _ value: String) {
    key(name)
    JSONText.append(value, to: &bytes)
  }

  /// A text value given as raw bytes of the file's encoding. (Not variadic: a
  /// variadic call allocates its array, and this runs for most values of a row.)
  package mutating func text(
    _ name: StaticString, _ value: UnsafeRawBufferPointer, encoding: TextEncoding
  ) {
    key(name)
    bytes.append(0x22)
    JSONText.appendEscaped(value, encoding, to: &bytes)
    bytes.append(0x22)
  }

  /// Two text values joined by `separator`, or whichever is not empty.
  package mutating func text(
    _ name: StaticString, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer,
    separator: StaticString = ", ", encoding: TextEncoding
  ) {
    key(name)
    bytes.append(0x22)
    JSONText.appendEscaped(first, encoding, to: &bytes)
    if !first.isEmpty && !second.isEmpty {
      separator.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
    JSONText.appendEscaped(second, encoding, to: &bytes)
    bytes.append(0x22)
  }

  package mutating func integer(_ name: StaticString, _ value: Int) {
    key(name)
    bytes.append(contentsOf: String(value).utf8)
  }

  package mutating func number(_ name: StaticString, _ amount: Amount) {
    key(name)
    amount.appendLiteral(to: &bytes)
  }

  /// A number already in canonical JSON form.
  package mutating func number(_ name: StaticString, literal: String) {
    key(name)
    bytes.append(contentsOf: literal.utf8)
  }

  package mutating func null(_ name: StaticString) {
    key(name)
    let literal: StaticString = "null"
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  package mutating func bool(_ name: StaticString, _ value: Bool) {
    key(name)
    let literal: StaticString = value ? "true" : "false"
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// The finished object.
  package mutating func close() -> [UInt8] {
    bytes.append(UInt8(ascii: "}"))
    return bytes
  }
}
