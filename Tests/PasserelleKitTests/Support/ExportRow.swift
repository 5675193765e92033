import SageToSalesManagement
import Testing

@testable import PasserelleCore
@testable import PasserelleReading

/// One row of a Sage export as a reader hands it to a mapping: the header and the
/// row's values, held as UTF-8.
struct ExportRow {
  let header: Header
  let row: SourceRow

  init(labels: [String], values: [String], line: Int = 2) {
    header = Header(labels: labels)
    row = SourceRow(encoding: .utf8)
    row.line = line
    for value in values { Array(value.utf8).withUnsafeBytes { row.appendField($0) } }
  }

  /// Cells as label → value, in the header's order.
  init(_ cells: KeyValuePairs<String, String>, line: Int = 2) {
    self.init(labels: cells.map(\.key), values: cells.map(\.value), line: line)
  }

  /// The row of a shipped sample whose first value is `key`, at its line in the file.
  static func sample(_ name: String, key: String) throws -> ExportRow {
    let read = try readAll(TestFiles.sample(name))
    let found = try #require(read.rows.first { $0.values.first == key }, "\(key) in \(name)")
    return ExportRow(labels: read.labels, values: found.values, line: found.line)
  }
}

extension MappedRecord {
  /// The `data` object as the payload carries it.
  var text: String { String(decoding: data.closed(), as: UTF8.self) }

  /// Issues as "severity code field", in order.
  var issueSummary: [String] {
    issues.map { "\($0.severity.rawValue) \($0.code.rawValue) \($0.field)" }
  }
}
