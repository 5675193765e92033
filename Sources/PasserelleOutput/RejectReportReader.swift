import PasserelleCore

/// Reads back a reject report that `RejectReportWriter` wrote, one row at a time in
/// bounded memory: a report may hold a hundred thousand rows, and a cell as much as
/// a field of the export. A cell longer than `maximumCellBytes` keeps its start only.
package struct RejectReportReader {
  /// One row of a report, cells as written (a neutralised cell keeps its `'`).
  package struct Row: Sendable, Equatable {
    package var line: Int?
    package var key: String
    package var field: String
    package var severity: String
    package var code: String
    package var message: String
    package var value: String

    package init(
      line: Int?, key: String, field: String, severity: String, code: String, message: String,
      value: String
    ) {
      self.line = line
      self.key = key
      self.field = field
      self.severity = severity
      self.code = code
      self.message = message
      self.value = value
    }
  }

  private enum State {
    case unquoted
    case quoted
    /// A quote inside a quoted cell: doubled, or the end of the quotes.
    case quoteInQuoted
  }

  private let maximumCellBytes: Int
  private var state = State.unquoted
  private var cell: [UInt8] = []
  private var cellCut = false
  private var cells: [String] = []
  private var rowsSeen = 0

  private init(maximumCellBytes: Int) {
    self.maximumCellBytes = maximumCellBytes
  }

  /// Calls `body` with each row of the report at `path`, the header left out.
  package static func forEachRow(
    path: String, maximumCellBytes: Int = 512, _ body: (Row) throws -> Void
  ) throws {
    var reader = RejectReportReader(maximumCellBytes: maximumCellBytes)
    var first = true
    try InputFile(path: path).forEachChunk { chunk in
      // The byte-order mark the writer puts first, for Excel.
      let start = first && chunk.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      first = false
      for byte in chunk[start...] { try reader.consume(byte, body) }
    }
    try reader.finish(body)
  }

  private mutating func consume(_ byte: UInt8, _ body: (Row) throws -> Void) throws {
    switch state {
    case .quoted:
      if byte == 0x22 { state = .quoteInQuoted } else { append(byte) }
      return
    case .quoteInQuoted:
      state = .quoted
      if byte == 0x22 {
        append(byte)
        return
      }
      state = .unquoted
    case .unquoted:
      break
    }
    switch byte {
    case 0x22 where cell.isEmpty && !cellCut: state = .quoted
    case UInt8(ascii: ";"): endCell()
    case 0x0D: break
    case 0x0A: try endRow(body)
    default: append(byte)
    }
  }

  private mutating func append(_ byte: UInt8) {
    if cell.count < maximumCellBytes { cell.append(byte) } else { cellCut = true }
  }

  private mutating func endCell() {
    cells.append(String(decoding: cell, as: UTF8.self) + (cellCut ? "…" : ""))
    cell.removeAll(keepingCapacity: true)
    cellCut = false
  }

  private mutating func endRow(_ body: (Row) throws -> Void) throws {
    endCell()
    defer { cells.removeAll(keepingCapacity: true) }
    rowsSeen += 1
    // The first row names the columns; a row cut short is not one the writer wrote.
    guard rowsSeen > 1, cells.count >= 7 else { return }
    try body(
      Row(
        line: Int(cells[0]), key: cells[1], field: cells[2], severity: cells[3], code: cells[4],
        message: cells[5], value: cells[6]))
  }

  private mutating func finish(_ body: (Row) throws -> Void) throws {
    if !cell.isEmpty || !cells.isEmpty { try endRow(body) }
  }
}
