import CLibCSV
import PasserelleCore

/// Delimited text (Sage's TAB exports, Excel's `;` files, plain CSV) through
/// libcsv, fed one physical line at a time from fixed-size chunks, so memory stays
/// flat and every record knows the line it starts on. A TAB line without quotes,
/// most of a Sage export, is split directly, to the values libcsv gives.
///
/// In Sage's TAB files, which never quote, two repairs keep one bad value from
/// spoiling the rows after it:
/// - a quote that does not close on its line was data: the line is read again with
///   quotes taken literally;
/// - a line break inside a value breaks a record in short rows: consecutive short
///   rows whose values add up to the header are joined.
/// In `;`/`,` files, which quote, a quoted value that does not close within
/// `maxQuotedLines` lines or before the end of the file rejects the file: where the
/// value ends cannot be told (a truncated export, an unbalanced quote).
package struct CSVReader: RecordReader {
  let path: String
  let facts: FileFacts
  let limits: ReadLimits
  /// Lines a quoted value may span in `;`/`,` files (Excel writes line breaks in cells).
  var maxQuotedLines = 50
  /// Bytes read at a time (small values let tests cross chunk boundaries anywhere).
  var chunkSize = 1 << 16
  /// False reads every line through libcsv, none split directly (tests compare both).
  var splitsPlainLines = true

  package func read(header: ([String]) throws -> Void, row: (SourceRow) throws -> Void) throws {
    let file = try InputFile(path: path)
    let state = CSVParseState(facts: facts, limits: limits)
    let feeder = CSVLineFeeder(state: state, limits: limits, maxQuotedLines: maxQuotedLines)
    feeder.splitsPlainLines = splitsPlainLines
    defer { feeder.release() }
    try withoutActuallyEscaping(header) { header in
      try withoutActuallyEscaping(row) { row in
        state.onHeader = header
        state.onRow = row
        defer {
          state.onHeader = nil
          state.onRow = nil
        }
        try feed(file: file, feeder: feeder)
      }
    }
  }

  private func feed(file: InputFile, feeder: CSVLineFeeder) throws {
    var skip = facts.bomLength
    var partial: [UInt8] = []
    // `partial` ends with a CR whose LF, if any, starts the next chunk: the line is
    // fed once that is known, so that it is read as if it had come in one piece.
    var carriageReturnPending = false
    func feedPartial(terminated: Bool) throws {
      try partial.withUnsafeBytes { try feeder.line($0, terminated: terminated) }
      partial.removeAll(keepingCapacity: true)
    }
    try file.forEachChunk(size: chunkSize) { chunk in
      var chunk = chunk
      if skip > 0 {
        let dropped = min(skip, chunk.count)
        chunk = UnsafeRawBufferPointer(rebasing: chunk[dropped...])
        skip -= dropped
      }
      if chunk.isEmpty { return }
      var start = 0
      if carriageReturnPending {
        carriageReturnPending = false
        if chunk[0] == 0x0A {
          partial.append(0x0A)
          start = 1
        }
        try feedPartial(terminated: true)
      }
      var index = start
      while index < chunk.count {
        // Eight bytes without a CR or LF at a time: most of a line.
        let plainEnd = ByteWord.plainWordsEnd(
          chunk, from: index, highBytesStop: false, 0x0A, 0x0D)
        if plainEnd > index {
          index = plainEnd
          continue
        }
        let byte = chunk[index]
        guard byte == 0x0A || byte == 0x0D else {
          index += 1
          continue
        }
        var end = index + 1
        if byte == 0x0D && end == chunk.count {
          partial.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
          try feeder.checkRecordSize(adding: partial.count)
          carriageReturnPending = true
          start = end
          break
        }
        if byte == 0x0D && chunk[end] == 0x0A { end += 1 }
        let line = UnsafeRawBufferPointer(rebasing: chunk[start..<end])
        if partial.isEmpty {
          try feeder.line(line, terminated: true)
        } else {
          partial.append(contentsOf: line)
          try feedPartial(terminated: true)
        }
        start = end
        index = end
      }
      if start < chunk.count {
        partial.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start...]))
        // The same verdict, at the same line, as when the whole line is fed at once.
        try feeder.checkRecordSize(adding: partial.count)
      }
    }
    if !partial.isEmpty { try feedPartial(terminated: carriageReturnPending) }
    try feeder.finish()
  }

  /// The separator is the most frequent of TAB, `;` and `,` outside quotes in the
  /// header line; TAB wins ties because it is what Sage writes.
  static func detectDelimiter(_ line: [UInt8]) -> UInt8 {
    var tabs = 0
    var semicolons = 0
    var commas = 0
    var quoted = false
    for byte in line {
      switch byte {
      case UInt8(ascii: "\""): quoted.toggle()
      case 0x09 where !quoted: tabs += 1
      case UInt8(ascii: ";") where !quoted: semicolons += 1
      case UInt8(ascii: ",") where !quoted: commas += 1
      default: break
      }
    }
    if tabs > 0 && tabs >= semicolons && tabs >= commas { return 0x09 }
    if semicolons > 0 && semicolons >= commas { return UInt8(ascii: ";") }
    return commas > 0 ? UInt8(ascii: ",") : 0x09
  }
}
