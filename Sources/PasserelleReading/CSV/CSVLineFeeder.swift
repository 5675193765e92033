import CLibCSV
import PasserelleCore

/// Drives libcsv line by line and keeps the lines of the record in progress, so
/// that a record opened by a stray quote can be read again literally.
package final class CSVLineFeeder {
  let state: CSVParseState
  let limits: ReadLimits
  private var parser = csv_parser()
  private var delimiter: UInt8? = nil
  private var quotedLineLimit: Int
  private let maxQuotedLines: Int
  /// False reads every line through libcsv (tests compare both readings).
  var splitsPlainLines = true
  /// Lines split without libcsv.
  private(set) var plainLines = 0
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
    if parser.pstate == Self.rowNotBegun && readPlainly(bytes, terminated: terminated) {
      try state.rethrow()
      state.currentLine += 1
      plainLines += 1
      return
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

  /// Lines of a Sage TAB export rarely hold a quote: such a line, when it starts a
  /// record and ends with a line break, is read here without libcsv, to the same
  /// values (see `SourceRow.appendTabSeparated`). Returns whether it was; any
  /// other line, and any over a limit (refused as libcsv's reading refuses it),
  /// is libcsv's.
  private func readPlainly(_ bytes: UnsafeRawBufferPointer, terminated: Bool) -> Bool {
    guard splitsPlainLines, delimiter == 0x09, terminated, bytes.count <= limits.maxRecordBytes
    else { return false }
    var end = bytes.count
    while end > 0 && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
    state.recordStartLine = state.currentLine
    return state.readPlainTabLine(UnsafeRawBufferPointer(rebasing: bytes[..<end]))
  }

  /// Refuses a record over the limit once `pending` more bytes of the line being
  /// read are counted: the record in progress, or the one that line starts.
  func checkRecordSize(adding pending: Int) throws {
    let inProgress = parser.pstate != Self.rowNotBegun || pending == 0
    let bytes = (inProgress ? recordBytes.count : 0) + pending
    guard bytes > limits.maxRecordBytes else { return }
    throw FileRejection(
      .tooLarge, .recordTooLong, ["limit": .number(limits.maxRecordBytes)],
      line: inProgress ? state.recordStartLine : state.currentLine)
  }

  func finish() throws {
    // Each reading uses up at least one line, so this ends.
    while insideQuotedValue { try closeUnterminatedQuote(atEnd: true) }
    let context = Unmanaged.passUnretained(state).toOpaque()
    _ = csv_fini(&parser, csvFieldEnded, csvRecordEnded, context)
    try state.rethrow()
    try state.flushPending()
    if state.labels == nil { throw FileRejection(.emptyFile, .noHeaderLine) }
  }

  /// A quote opened in the record in progress has not closed where it should:
  /// data in a TAB file, a broken file where values are quoted.
  private func closeUnterminatedQuote(atEnd: Bool) throws {
    if delimiter == 0x09 { return try readRecordAgainLiterally() }
    let opened = state.recordStartLine
    throw FileRejection(
      .malformedCSV,
      atEnd
        ? Message(.csvEndsInQuote, ["line": .number(opened)])
        : Message(.csvQuoteNotClosed, ["line": .number(opened), "limit": .number(maxQuotedLines)]),
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
        .malformedCSV, .csvParserError,
        ["parser": .text(String(cString: csv_strerror(csv_error(&parser))))],
        line: state.recordStartLine)
    }
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
