import PasserelleCore

/// The column labels of a file, read cheaply before the file is claimed: the
/// first 64 KiB decide the encoding, and reading stops at the header. Used to
/// order a pass's files by what they hold; the conversion reads the file again
/// with the whole-file decisions.
package enum HeaderPeek {
  private struct HeaderRead: Error {}

  /// Nil when the file has no readable header (the conversion will say why).
  static func labels(path: String, limits: ReadLimits, fallback: TextEncoding) -> [String]? {
    guard let file = try? InputFile(path: path) else { return nil }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 1)
    defer { buffer.deallocate() }
    guard let count = try? file.readFully(into: buffer), count > 0 else { return nil }
    let head = UnsafeRawBufferPointer(rebasing: buffer[..<count])
    let bomLength = count >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0
    var validator = UTF8Validator()
    validator.consume(head)
    // A sample cut inside a character is still UTF-8.
    let encoding: TextEncoding = validator.isValidSoFar ? .utf8 : fallback
    let facts = FileFacts(sha256: "", size: file.size, encoding: encoding, bomLength: bomLength)
    return try? labels(path: path, facts: facts, limits: limits)
  }

  /// The header of a file whose facts are known; throws what the reader finds wrong.
  /// `xmlSample` records are enough to tell the entity; the mapping needs them all
  /// (a field may first appear in the last record).
  package static func labels(
    path: String, facts: FileFacts, limits: ReadLimits, xmlSample: Int = 4
  ) throws -> [String]? {
    let reader = ExportReader(path: path, facts: facts, limits: limits, labelSample: xmlSample)
      .reader
    var labels: [String]? = nil
    do {
      try reader.read(
        header: {
          labels = $0
          throw HeaderRead()
        }, row: { _ in })
    } catch is HeaderRead {}
    return labels
  }

  /// The entity a file holds, from its header; nil when none matches.
  package static func entity(path: String, limits: ReadLimits, fallback: TextEncoding)
    -> SageEntity?
  {
    labels(path: path, limits: limits, fallback: fallback).flatMap {
      EntityRecognizer.recognise(Header(labels: $0))
    }
  }
}
