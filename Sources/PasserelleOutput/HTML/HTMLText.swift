/// Text put into an HTML page. Everything that came from a dropped file (names,
/// codes, values, messages quoting them) goes through `escape`, so that a value
/// such as `<script>` shows as text and never becomes markup.
///
/// Both work on the text's UTF-8 bytes: the report is rewritten after every pass,
/// and escaping it character by character was a quarter of what converting one
/// quote cost.
package enum HTMLText {
  /// The text with the five characters HTML gives a meaning escaped: safe between
  /// tags and inside a quoted attribute. Text holding none of them is returned as it is.
  package static func escape(_ text: String) -> String {
    var length = 0
    for byte in text.utf8 { length += entity(for: byte)?.utf8CodeUnitCount ?? 1 }
    guard length != text.utf8.count else { return text }
    return String(unsafeUninitializedCapacity: length) { output in
      var written = 0
      for byte in text.utf8 {
        guard let entity = entity(for: byte) else {
          output[written] = byte
          written += 1
          continue
        }
        entity.withUTF8Buffer { entityBytes in
          for entityByte in entityBytes {
            output[written] = entityByte
            written += 1
          }
        }
      }
      return written
    }
  }

  /// What stands for `byte` in a page, if it means something there; every such
  /// byte is ASCII, so replacing it keeps the UTF-8 of the rest whole.
  private static func entity(for byte: UInt8) -> StaticString? {
    switch byte {
    case UInt8(ascii: "&"): "&amp;"
    case UInt8(ascii: "<"): "&lt;"
    case UInt8(ascii: ">"): "&gt;"
    case UInt8(ascii: "\""): "&quot;"
    case UInt8(ascii: "'"): "&#39;"
    default: nil
    }
  }

  /// A relative link to a file, each path segment percent-encoded (UTF-8) except
  /// for unreserved characters: a name holding `#`, `?`, `%` or spaces still
  /// names the file, on Linux as on a Windows share. Escape it again for the attribute.
  package static func href(_ relativePath: String) -> String {
    var encoded: [UInt8] = []
    encoded.reserveCapacity(relativePath.utf8.count)
    for byte in relativePath.utf8 {
      if byte == UInt8(ascii: "/") || isUnreserved(byte) {
        encoded.append(byte)
      } else {
        encoded.append(UInt8(ascii: "%"))
        encoded.append(hexDigits[Int(byte >> 4)])
        encoded.append(hexDigits[Int(byte & 0x0F)])
      }
    }
    return String(decoding: encoded, as: UTF8.self)
  }

  private static let hexDigits = Array("0123456789ABCDEF".utf8)

  private static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
      UInt8(ascii: "_"), UInt8(ascii: "~"):
      return true
    default:
      return false
    }
  }
}
