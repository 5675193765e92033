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

  /// Calls `body` with each row of the report at `path`, the header left out.
  package static func forEachRow(
    path: String, maximumCellBytes: Int = 512, _ body: (Row) throws -> Void
  ) throws {
    try SpreadsheetTableReader.forEachRow(path: path, maximumCellBytes: maximumCellBytes) {
      cells, line in
      // The first row names the columns; a row cut short is not one the writer wrote.
      guard line > 1, cells.count >= 7 else { return }
      try body(
        Row(
          line: Int(cells[0]), key: cells[1], field: cells[2], severity: cells[3],
          code: cells[4], message: cells[5], value: cells[6]))
    }
  }
}
