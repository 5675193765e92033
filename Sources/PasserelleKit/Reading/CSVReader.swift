import CLibCSV

/// Delimited text (Sage's TAB exports, Excel's `;` files, plain CSV) through
/// libcsv, fed line by line from fixed-size chunks so memory stays flat and every
/// record knows the physical line it starts on.
struct CSVReader: RecordReader {
  let path: String
  let facts: FileFacts
  let limits: ReadLimits
  /// Records spanning more lines than this come from an unbalanced quote.
  var maxLinesPerRecord = 200

  func read(header: ([String]) throws -> Void, row: (SourceRow) throws -> Void) throws {
    let file = try InputFile(path: path)
    let state = CSVParseState(facts: facts, limits: limits)
    var parser = csv_parser()
    // Not CSV_STRICT: Sage writes no quoting, so a stray quote inside a value is data.
    guard csv_init(&parser, UInt8(CSV_STRICT_FINI | CSV_APPEND_NULL)) == 0 else {
      throw FileRejection(.tooLarge, "cannot allocate the CSV parser")
    }
    defer { csv_free(&parser) }
    // libcsv trims spaces and tabs by default; Sage values keep theirs.
    csv_set_space_func(&parser) { _ in 0 }

    try withoutActuallyEscaping(header) { header in
      try withoutActuallyEscaping(row) { row in
        state.onHeader = header
        state.onRow = row
        defer {
          state.onHeader = nil
          state.onRow = nil
        }
        try feed(file: file, parser: &parser, state: state)
      }
    }
  }

  private func feed(file: InputFile, parser: inout csv_parser, state: CSVParseState) throws {
    let context = Unmanaged.passUnretained(state).toOpaque()
    var skip = facts.bomLength
    var delimiterChosen = false
    var firstLine: [UInt8] = []
    try file.forEachChunk { chunk in
      var chunk = chunk
      if skip > 0 {
        let dropped = min(skip, chunk.count)
        chunk = UnsafeRawBufferPointer(rebasing: chunk[dropped...])
        skip -= dropped
      }
      var offset = 0
      while offset < chunk.count {
        let rest = UnsafeRawBufferPointer(rebasing: chunk[offset...])
        let newline = rest.firstIndex(of: 0x0A)
        let segmentEnd = newline.map { $0 + 1 } ?? rest.count
        let segment = UnsafeRawBufferPointer(rebasing: rest[0..<segmentEnd])
        if !delimiterChosen {
          firstLine.append(contentsOf: segment)
          if newline == nil && firstLine.count < limits.maxRecordBytes {
            offset += segmentEnd
            continue
          }
          csv_set_delim(&parser, Self.detectDelimiter(firstLine))
          delimiterChosen = true
          try firstLine.withUnsafeBytes { try parse($0, parser: &parser, state: state) }
          firstLine = []
        } else {
          try parse(segment, parser: &parser, state: state)
        }
        if newline != nil { state.currentLine += 1 }
        offset += segmentEnd
      }
    }
    if !delimiterChosen {
      csv_set_delim(&parser, Self.detectDelimiter(firstLine))
      try firstLine.withUnsafeBytes { try parse($0, parser: &parser, state: state) }
    }
    // libcsv only reports an unclosed quote in strict mode, which would also refuse
    // the stray quotes Sage writes inside values: check its state instead.
    let fieldBegun: Int32 = 2
    if parser.pstate == fieldBegun && parser.quoted != 0 {
      throw FileRejection(
        .malformedCSV, "a quoted value is never closed", line: state.recordStartLine)
    }
    if csv_fini(&parser, csvFieldEnded, csvRecordEnded, context) != 0 {
      throw FileRejection(
        .malformedCSV, "a quoted value is never closed", line: state.recordStartLine)
    }
    try state.rethrow()
    if state.labels == nil { throw FileRejection(.emptyFile, "the file has no header line") }
  }

  private func parse(
    _ segment: UnsafeRawBufferPointer, parser: inout csv_parser, state: CSVParseState
  ) throws {
    if parser.pstate == 0 {  // ROW_NOT_BEGUN: this line starts a record
      state.recordStartLine = state.currentLine
      state.recordBytes = 0
    }
    state.recordBytes += segment.count
    if state.recordBytes > limits.maxRecordBytes {
      throw FileRejection(
        .tooLarge,
        "a record is longer than \(limits.maxRecordBytes) bytes (often an unclosed quote)",
        line: state.recordStartLine)
    }
    if state.currentLine - state.recordStartLine >= maxLinesPerRecord {
      throw FileRejection(
        .malformedCSV,
        "a quoted value runs over \(maxLinesPerRecord) lines: unbalanced quote",
        line: state.recordStartLine)
    }
    let context = Unmanaged.passUnretained(state).toOpaque()
    let consumed = csv_parse(
      &parser, segment.baseAddress, segment.count, csvFieldEnded, csvRecordEnded, context)
    try state.rethrow()
    if consumed != segment.count {
      throw FileRejection(
        .malformedCSV, String(cString: csv_strerror(csv_error(&parser))),
        line: state.recordStartLine)
    }
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

final class CSVParseState {
  let facts: FileFacts
  let limits: ReadLimits
  let row: SourceRow
  var labels: [String]? = nil
  var onHeader: (([String]) throws -> Void)? = nil
  var onRow: ((SourceRow) throws -> Void)? = nil
  var currentLine = 1
  var recordStartLine = 1
  var recordBytes = 0
  var failure: Error? = nil
  var recordCount = 0

  init(facts: FileFacts, limits: ReadLimits) {
    self.facts = facts
    self.limits = limits
    row = SourceRow(encoding: facts.encoding)
  }

  func rethrow() throws {
    if let failure { throw failure }
  }

  func fieldEnded(_ bytes: UnsafeRawBufferPointer) {
    guard failure == nil else { return }
    if bytes.count > limits.maxFieldBytes {
      failure = FileRejection(
        .tooLarge, "a value is longer than \(limits.maxFieldBytes) bytes",
        line: recordStartLine,
        field: labels.flatMap { row.fieldCount < $0.count ? $0[row.fieldCount] : nil })
      return
    }
    if row.fieldCount >= limits.maxColumns {
      failure = FileRejection(
        .tooLarge, "a record has more than \(limits.maxColumns) columns", line: recordStartLine)
      return
    }
    row.appendField(bytes)
  }

  func recordEnded() {
    guard failure == nil else { return }
    defer { row.clear() }
    do {
      if labels == nil {
        let names = (0..<row.fieldCount).map { row.text($0) }
        labels = names
        try onHeader?(names)
        return
      }
      if (0..<row.fieldCount).allSatisfy({ row.isEmpty($0) }) { return }
      recordCount += 1
      if recordCount > limits.maxRecords {
        throw FileRejection(
          .tooLarge, "the file holds more than \(limits.maxRecords) records", line: recordStartLine)
      }
      row.line = recordStartLine
      try onRow?(row)
    } catch {
      failure = error
    }
  }
}

private func csvFieldEnded(
  _ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?
) {
  let state = Unmanaged<CSVParseState>.fromOpaque(context!).takeUnretainedValue()
  state.fieldEnded(UnsafeRawBufferPointer(start: field, count: field == nil ? 0 : length))
}

private func csvRecordEnded(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  let state = Unmanaged<CSVParseState>.fromOpaque(context!).takeUnretainedValue()
  state.recordEnded()
}
