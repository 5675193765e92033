import CLibCSV
import PasserelleCore

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

  @inline(__always) func fieldEnded(_ bytes: UnsafeRawBufferPointer) {
    guard failure == nil else { return }
    if bytes.count > limits.maxFieldBytes {
      failure = FileRejection(
        .tooLarge, .valueTooLong, ["limit": .number(limits.maxFieldBytes)],
        line: recordStartLine,
        field: labels.flatMap { row.fieldCount < $0.count ? $0[row.fieldCount] : nil })
      return
    }
    if row.fieldCount >= limits.maxColumns {
      failure = FileRejection(
        .tooLarge, .tooManyColumns, ["limit": .number(limits.maxColumns)],
        line: recordStartLine)
      return
    }
    row.appendField(bytes)
  }

  /// Reads a line of a TAB file that libcsv would split plainly (no quote in it,
  /// every value within the limits), without libcsv. Returns false, nothing read,
  /// when libcsv must read it.
  func readPlainTabLine(_ content: UnsafeRawBufferPointer) -> Bool {
    guard failure == nil, content.count <= limits.maxFieldBytes,
      row.appendTabSeparated(content, maxFields: limits.maxColumns)
    else { return false }
    recordEnded()
    return true
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
        .tooLarge, .valueTooLong, ["limit": .number(limits.maxFieldBytes)], line: joined.line,
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
        .tooLarge, .tooManyRecords, ["limit": .number(limits.maxRecords)], line: record.line)
    }
    try onRow?(record)
  }
}
