import Foundation
import Testing

@testable import PasserelleCore

/// Text values are escaped by runs found eight bytes at a time: every value, at every
/// length and position of the bytes that need work, must come out as byte-by-byte
/// escaping gives, and parse back to the value.
@Suite struct JSONTextTests {
  /// The escaping rule, one byte at a time.
  static func reference(_ value: [UInt8], _ encoding: TextEncoding) -> [UInt8] {
    var out: [UInt8] = []
    for byte in value {
      switch byte {
      case 0x22: out += Array("\\\"".utf8)
      case 0x5C: out += Array("\\\\".utf8)
      case 0x0A: out += Array("\\n".utf8)
      case 0x0D: out += Array("\\r".utf8)
      case 0x09: out += Array("\\t".utf8)
      case ..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
      case 0x80... where encoding == .windows1252: out += Windows1252.utf8[Int(byte) - 0x80]
      default: out.append(byte)
      }
    }
    return out
  }

  static func escaped(_ value: [UInt8], _ encoding: TextEncoding) -> [UInt8] {
    var out: [UInt8] = []
    value.withUnsafeBytes { JSONText.appendEscaped($0, encoding, to: &out) }
    return out
  }

  @Test(arguments: [TextEncoding.windows1252, .utf8])
  func everyByteAtEveryPositionIsEscapedAsByteByByte(_ encoding: TextEncoding) {
    let special: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x22, 0x5C, 0x7F, 0x80, 0xC3, 0xE9, 0xFF]
    for length in 0...19 {
      for position in 0..<max(length, 1) {
        for byte in special where length > 0 {
          var value = Array(repeating: UInt8(ascii: "a"), count: length)
          value[position] = byte
          #expect(Self.escaped(value, encoding) == Self.reference(value, encoding))
        }
      }
    }
  }

  @Test func randomValuesMatchTheRuleAndParseBack() throws {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let length = Int.random(in: 0...64, using: &generator)
      // Mostly plain text, with the bytes that need work now and then.
      let value = (0..<length).map { _ -> UInt8 in
        Int.random(in: 0..<8, using: &generator) == 0
          ? UInt8.random(in: 0...255, using: &generator)
          : UInt8.random(in: 0x20...0x7E, using: &generator)
      }
      let escaped = Self.escaped(value, .windows1252)
      #expect(escaped == Self.reference(value, .windows1252))
      let parsed = try JSONSerialization.jsonObject(
        with: Data([0x22] + escaped + [0x22]), options: .fragmentsAllowed)
      #expect(parsed as? String == value.withUnsafeBytes { Windows1252.decode($0) })
    }
  }
}
