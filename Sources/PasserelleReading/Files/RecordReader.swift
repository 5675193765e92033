import PasserelleCore

/// A streaming source of records: a header (column labels) then rows, in file
/// order. Readers know files and formats, never what the records mean.
package protocol RecordReader: Sendable {
  /// The column labels, in the order row columns are numbered. Available once
  /// `read` has called `header`.
  func read(header: ([String]) throws -> Void, row: (SourceRow) throws -> Void) throws
}

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

/// The reader of a Sage export and the encoding of the rows it hands out (libxml2
/// gives UTF-8 whatever the file's encoding).
package struct ExportReader {
  package let reader: any RecordReader
  package let encoding: TextEncoding

  /// `labelSample`: in XML, how many records to take the labels from.
  package init(path: String, facts: FileFacts, limits: ReadLimits, labelSample: Int = .max) {
    if FileFormat.sniff(path: path, bomLength: facts.bomLength) == .xml {
      reader = XMLRecordReader(path: path, facts: facts, limits: limits, labelSample: labelSample)
      encoding = .utf8
    } else {
      reader = CSVReader(path: path, facts: facts, limits: limits)
      encoding = facts.encoding
    }
  }
}
