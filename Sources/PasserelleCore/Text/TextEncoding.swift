/// The encoding of a whole text file, decided once per file (never per byte), so
/// that a file is never half read as UTF-8 and half as Windows-1252.
package enum TextEncoding: String, Sendable, Codable {
  case utf8 = "UTF-8"
  case windows1252 = "Windows-1252"

  /// Decodes the bytes of one field.
  package func decode(_ bytes: UnsafeRawBufferPointer) -> String {
    switch self {
    case .utf8:
      return String(decoding: bytes, as: UTF8.self)
    case .windows1252:
      return Windows1252.decode(bytes)
    }
  }
}
