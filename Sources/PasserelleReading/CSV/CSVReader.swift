import CLibCSV
import PasserelleCore

/// Delimited text (Sage's TAB exports, Excel's `;` files, plain CSV) through
/// libcsv, fed one physical line at a time from fixed-size chunks, so memory stays
/// flat and every record knows the line it starts on.
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

  package func read(header: ([String]) throws -> Void, row: (SourceRow) throws -> Void) throws {
    let file = try InputFile(path: path)
    let state = CSVParseState(facts: facts, limits: limits)
    let feeder = CSVLineFeeder(state: state, limits: limits, maxQuotedLines: maxQuotedLines)
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
        if index + 8 <= chunk.count {
          let word = chunk.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          if !ByteWord.contains(word, 0x0A) && !ByteWord.contains(word, 0x0D) {
            index += 8
            continue
          }
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

/// Drives libcsv line by line and keeps the lines of the record in progress, so
/// that a record opened by a stray quote can be read again literally.
package final class CSVLineFeeder {
  let state: CSVParseState
  let limits: ReadLimits
  private var parser = csv_parser()
  private var delimiter: UInt8? = nil
  private var quotedLineLimit: Int
  private let maxQuotedLines: Int
  /// Bytes of the record in progress and where each of its lines ends.
  private var recordBytes: [UInt8] = []
  private var recordLineEnds: [Int] = []
  private var recordEndsWithBreak: [Bool] = []

  private static let rowNotBegun: Int32 = 0
  private static let fieldBegun: Int32 = 2

  init(state: CSVParseState, limits: ReadLimits, maxQuotedLines: Int) {
    self.state = state
    self.limits = limits
    self.maxQuotedLines = maxQuotedLines
    quotedLineLimit = maxQuotedLines
    resetParser()
  }

  func release() { csv_free(&parser) }

  private func resetParser() {
    csv_free(&parser)
    parser = csv_parser()
    // Not CSV_STRICT: Sage writes no quoting, so a stray quote inside a value is data.
    _ = csv_init(&parser, UInt8(CSV_APPEND_NULL))
    // libcsv's own space test is kept (a custom one costs a call per byte): it trims
    // spaces and tabs around unquoted values, as `SourceRow.text` does anyway, and
    // never treats the delimiter as a space.
    if let delimiter { csv_set_delim(&parser, delimiter) }
  }

  private var insideQuotedValue: Bool {
    parser.pstate == Self.fieldBegun && parser.quoted != 0
  }

  /// One physical line, with its line break when `terminated`.
  func line(_ bytes: UnsafeRawBufferPointer, terminated: Bool) throws {
    if delimiter == nil && !bytes.allSatisfy({ $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }) {
      // The first line with text is the header; blank lines before it do not count.
      let chosen = CSVReader.detectDelimiter(Array(bytes))
      delimiter = chosen
      csv_set_delim(&parser, chosen)
      quotedLineLimit = chosen == 0x09 ? 1 : maxQuotedLines
      // Only Sage's TAB files break records at line breaks; other files quote them.
      state.joinsBrokenRecords = chosen == 0x09
    }
    if parser.pstate == Self.rowNotBegun {
      state.recordStartLine = state.currentLine
      recordBytes.removeAll(keepingCapacity: true)
      recordLineEnds.removeAll(keepingCapacity: true)
      recordEndsWithBreak.removeAll(keepingCapacity: true)
    }
    recordBytes.append(contentsOf: bytes)
    recordLineEnds.append(recordBytes.count)
    recordEndsWithBreak.append(terminated)
    try checkRecordSize(adding: 0)
    try parse(bytes)
    if terminated { state.currentLine += 1 }
    if insideQuotedValue && recordLineEnds.count >= quotedLineLimit {
      try closeUnterminatedQuote(atEnd: false)
    }
  }

  /// Refuses a record over the limit once `pending` more bytes of the line being
  /// read are counted: the record in progress, or the one that line starts.
  func checkRecordSize(adding pending: Int) throws {
    let inProgress = parser.pstate != Self.rowNotBegun || pending == 0
    let bytes = (inProgress ? recordBytes.count : 0) + pending
    guard bytes > limits.maxRecordBytes else { return }
    throw FileRejection(
      .tooLarge, "a record is longer than \(limits.maxRecordBytes) bytes",
      line: inProgress ? state.recordStartLine : state.currentLine)
  }

  func finish() throws {
    // Each reading uses up at least one line, so this ends.
    while insideQuotedValue { try closeUnterminatedQuote(atEnd: true) }
    let context = Unmanaged.passUnretained(state).toOpaque()
    _ = csv_fini(&parser, csvFieldEnded, csvRecordEnded, context)
    try state.rethrow()
    try state.flushPending()
    if state.labels == nil { throw FileRejection(.emptyFile, "the file has no header line") }
  }

  /// A quote opened in the record in progress has not closed where it should:
  /// data in a TAB file, a broken file where values are quoted.
  private func closeUnterminatedQuote(atEnd: Bool) throws {
    if delimiter == 0x09 { return try readRecordAgainLiterally() }
    let opened = state.recordStartLine
    throw FileRejection(
      .malformedCSV,
      atEnd
        ? "the file ends inside a quoted value of the record starting on line \(opened): a truncated export or an unbalanced quote"
        : "a quoted value of the record starting on line \(opened) does not close within \(maxQuotedLines) lines: an unbalanced quote",
      line: opened)
  }

  /// The record's first line opened a quote that never closed where it should:
  /// that quote was data. Read the first line with quotes taken literally, then
  /// the following lines afresh.
  private func readRecordAgainLiterally() throws {
    let bytes = recordBytes
    let ends = recordLineEnds
    let breaks = recordEndsWithBreak
    resetParser()
    state.row.clear()
    state.currentLine = state.recordStartLine
    recordBytes.removeAll(keepingCapacity: true)
    recordLineEnds.removeAll(keepingCapacity: true)
    recordEndsWithBreak.removeAll(keepingCapacity: true)
    try bytes.withUnsafeBytes { all in
      csv_set_quote(&parser, 0)  // NUL never occurs: files holding one are rejected
      try parse(UnsafeRawBufferPointer(rebasing: all[0..<ends[0]]))
      csv_set_quote(&parser, UInt8(ascii: "\""))
      if breaks[0] { state.currentLine += 1 }
      for index in 1..<ends.count {
        try line(
          UnsafeRawBufferPointer(rebasing: all[ends[index - 1]..<ends[index]]),
          terminated: breaks[index])
      }
    }
  }

  private func parse(_ bytes: UnsafeRawBufferPointer) throws {
    let context = Unmanaged.passUnretained(state).toOpaque()
    let consumed = csv_parse(
      &parser, bytes.baseAddress, bytes.count, csvFieldEnded, csvRecordEnded, context)
    try state.rethrow()
    if consumed != bytes.count {
      throw FileRejection(
        .malformedCSV, String(cString: csv_strerror(csv_error(&parser))),
        line: state.recordStartLine)
    }
  }
}

package final class CSVParseState {
  let facts: FileFacts
  let limits: ReadLimits
  let row: SourceRow
  /// Short rows waiting for the rest of their record (see `CSVReader`), each kept
  /// whole so that parts which never add up are reported as the rows they are.
  private var pending: [SourceRow] = []
  private var pendingValues = 0
  private var pendingBytes = 0
  /// A value rarely holds more line breaks than this; beyond, the rows are not one record.
  private let maximumPartsPerRecord = 20
  var joinsBrokenRecords = false
  var labels: [String]? = nil
  var onHeader: (([String]) throws -> Void)? = nil
  var onRow: ((SourceRow) throws -> Void)? = nil
  var currentLine = 1
  var recordStartLine = 1
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
      guard let labels else {
        let names = (0..<row.fieldCount).map { row.text($0) }
        self.labels = names
        try onHeader?(names)
        return
      }
      if (0..<row.fieldCount).allSatisfy({ row.isEmpty($0) }) { return }
      row.line = recordStartLine
      if !pending.isEmpty {
        let joined = pendingValues + row.fieldCount - 1
        let bytes = pendingBytes + row.storedBytes
        if joined <= labels.count && pending.count < maximumPartsPerRecord
          && bytes <= limits.maxRecordBytes
        {
          keep(row, values: joined, bytes: bytes)
          if joined == labels.count { try emitJoined() }
          return
        }
        try flushPending()
      }
      if row.fieldCount < labels.count && joinsBrokenRecords {
        keep(row, values: row.fieldCount, bytes: row.storedBytes)
        return
      }
      try emit(row)
    } catch {
      failure = error
    }
  }

  private func keep(_ row: SourceRow, values: Int, bytes: Int) {
    let part = SourceRow(encoding: row.encoding)
    part.copy(row)
    pending.append(part)
    pendingValues = values
    pendingBytes = bytes
  }

  /// The parts add up to the header: one record, the line breaks kept in its value.
  private func emitJoined() throws {
    let joined = pending[0]
    for part in pending.dropFirst() { joined.join(part) }
    pending = []
    if let column = (0..<joined.fieldCount).first(where: {
      joined.raw($0).count > limits.maxFieldBytes
    }) {
      throw FileRejection(
        .tooLarge, "a value is longer than \(limits.maxFieldBytes) bytes", line: joined.line,
        field: labels.flatMap { column < $0.count ? $0[column] : nil })
    }
    try emit(joined)
  }

  /// Hands over short rows that nothing completed, each as it is (the pipeline reports them).
  func flushPending() throws {
    let parts = pending
    pending = []
    for part in parts { try emit(part) }
  }

  private func emit(_ record: SourceRow) throws {
    recordCount += 1
    if recordCount > limits.maxRecords {
      throw FileRejection(
        .tooLarge, "the file holds more than \(limits.maxRecords) records", line: record.line)
    }
    try onRow?(record)
  }
}

private func csvFieldEnded(
  _ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?
) {
  // The reader holds the state for the whole parse: no retain per value.
  Unmanaged<CSVParseState>.fromOpaque(context!)._withUnsafeGuaranteedRef {
    $0.fieldEnded(UnsafeRawBufferPointer(start: field, count: field == nil ? 0 : length))
  }
}

private func csvRecordEnded(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  Unmanaged<CSVParseState>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.recordEnded() }
}
