import PasserelleCore

/// Reads a `;`-separated table as French Excel saves it (quoted cells, doubled
/// quotes, CRLF), one row at a time in bounded memory: the files Passerelle writes
/// for people and reads back, once they have been through a spreadsheet. A cell is
/// UTF-8 when it reads as such, else Windows-1252 (Excel's "CSV" in France); one
/// longer than `maximumCellBytes` keeps its start only, followed by "…".
package struct SpreadsheetTableReader {
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
  private var line = 1
  private var rowLine = 1

  private init(maximumCellBytes: Int) {
    self.maximumCellBytes = maximumCellBytes
  }

  /// Calls `body` with each row of the table at `path` (the header included) and
  /// the line it starts on.
  package static func forEachRow(
    path: String, maximumCellBytes: Int = 512, _ body: ([String], Int) throws -> Void
  ) throws {
    var reader = SpreadsheetTableReader(maximumCellBytes: maximumCellBytes)
    var first = true
    try InputFile(path: path).forEachChunk { chunk in
      // The byte-order mark Passerelle writes first, for Excel.
      let start = first && chunk.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      first = false
      for byte in chunk[start...] { try reader.consume(byte, body) }
    }
    if !reader.cell.isEmpty || !reader.cells.isEmpty { try reader.endRow(body) }
  }

  private mutating func consume(_ byte: UInt8, _ body: ([String], Int) throws -> Void) throws {
    if byte == 0x0A { line += 1 }
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
    // A cell cut short may end inside a character: UTF-8 up to it.
    let text =
      String(validating: cell, as: UTF8.self)
      ?? (cellCut
        ? String(decoding: cell, as: UTF8.self)
        : cell.withUnsafeBytes { Windows1252.decode($0) })
    cells.append(text + (cellCut ? "…" : ""))
    cell.removeAll(keepingCapacity: true)
    cellCut = false
  }

  private mutating func endRow(_ body: ([String], Int) throws -> Void) throws {
    endCell()
    defer {
      cells.removeAll(keepingCapacity: true)
      rowLine = line
    }
    try body(cells, rowLine)
  }
}
