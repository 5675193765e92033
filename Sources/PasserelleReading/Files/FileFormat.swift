import PasserelleCore

package enum FileFormat: String, Sendable {
  case delimitedText = "text"
  case xml
  /// A file from Sales Management.
  case json

  /// XML files start with `<`, JSON files with `[` or `{` (after an optional
  /// byte-order mark and spaces); no Sage text export starts with either.
  package static func sniff(path: String, bomLength: Int) -> FileFormat {
    guard let file = try? InputFile(path: path) else { return .delimitedText }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 512, alignment: 1)
    defer { buffer.deallocate() }
    let count = (try? file.readFully(into: buffer)) ?? 0
    var index = bomLength
    while index < count, [0x20, 0x09, 0x0D, 0x0A].contains(buffer[index]) { index += 1 }
    guard index < count else { return .delimitedText }
    switch buffer[index] {
    case UInt8(ascii: "<"): return .xml
    case UInt8(ascii: "["), UInt8(ascii: "{"): return .json
    default: return .delimitedText
    }
  }
}
