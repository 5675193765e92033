import Foundation

/// A value of a payload's `data` object.
public enum JSONValue: Sendable, Equatable {
  case string(String)
  case integer(Int)
  /// A number already in canonical JSON form ("1234.5").
  case number(String)
  case bool(Bool)
}

/// Appends JSON to a byte buffer: no intermediate objects, no reflection. Used for
/// every payload, where a general-purpose encoder would dominate the run time.
struct JSONBytes {
  var bytes: [UInt8] = []

  init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

  mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

  mutating func string(_ text: String) {
    bytes.append(0x22)
    var text = text
    text.withUTF8 { utf8 in
      var clean = 0
      var index = 0
      let count = utf8.count
      while index < count {
        let byte = utf8[index]
        if byte < 0x20 || byte == 0x22 || byte == 0x5C {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<index]))
          escape(byte)
          clean = index + 1
        }
        index += 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<count]))
    }
    bytes.append(0x22)
  }

  private mutating func escape(_ byte: UInt8) {
    bytes.append(0x5C)
    switch byte {
    case 0x22: bytes.append(0x22)
    case 0x5C: bytes.append(0x5C)
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    default:
      let hex: [UInt8] = Array("0123456789abcdef".utf8)
      bytes.append(contentsOf: [
        UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
      ])
    }
  }

  mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

  mutating func value(_ value: JSONValue) {
    switch value {
    case .string(let text): string(text)
    case .integer(let number): integer(number)
    case .number(let literal): bytes.append(contentsOf: literal.utf8)
    case .bool(let flag): flag ? raw("true") : raw("false")
    }
  }

  /// `{"key": value, …}` on one line, keys in the given order.
  mutating func object(_ fields: [(String, JSONValue)]) {
    bytes.append(UInt8(ascii: "{"))
    for (index, field) in fields.enumerated() {
      if index > 0 { raw(", ") }
      string(field.0)
      raw(": ")
      value(field.1)
    }
    bytes.append(UInt8(ascii: "}"))
  }
}
