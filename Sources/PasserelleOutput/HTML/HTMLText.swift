/// Text put into an HTML page. Everything that came from a dropped file (names,
/// codes, values, messages quoting them) goes through `escape`, so that a value
/// such as `<script>` shows as text and never becomes markup.
package enum HTMLText {
  /// The text with the five characters HTML gives a meaning escaped: safe between
  /// tags and inside a quoted attribute.
  package static func escape(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  /// A relative link to a file, each path segment percent-encoded (UTF-8) except
  /// for unreserved characters: a name holding `#`, `?`, `%` or spaces still
  /// names the file, on Linux as on a Windows share. Escape it again for the attribute.
  package static func href(_ relativePath: String) -> String {
    relativePath.split(separator: "/", omittingEmptySubsequences: false).map { segment in
      var encoded = ""
      for byte in segment.utf8 {
        if isUnreserved(byte) {
          encoded.unicodeScalars.append(Unicode.Scalar(byte))
        } else {
          encoded += "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0x0F)]
        }
      }
      return encoded
    }.joined(separator: "/")
  }

  private static let hexDigits = "0123456789ABCDEF".map(String.init)

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
