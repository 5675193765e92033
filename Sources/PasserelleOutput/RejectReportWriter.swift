import Foundation
import PasserelleCore

/// Writes `<batch>-<name>.rejects.csv`: UTF-8 with BOM and `;` separators so that
/// French Excel opens it as a table, with cells neutralised against formula injection.
package final class RejectReportWriter {
  static let columns = "line;key;field;severity;code;message;value"
  private let output: OutputFile
  private let language: ReportLanguage
  private(set) var count = 0
  private var errorCount = 0

  /// A report at `path` whose messages are written in `language`.
  package init(path: String, language: ReportLanguage) throws {
    self.language = language
    output = try OutputFile(path: path)
    try output.write(Self.head)
  }

  /// What a report starts with: the BOM, then the column names.
  package static let head: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((columns + "\r\n").utf8)

  var path: String { output.path }

  package func write(_ issue: RowIssue) throws {
    count += 1
    try output.write(Self.line(issue, in: language))
  }

  /// One issue as a line of the report, its message in `language`.
  package static func line(_ issue: RowIssue, in language: ReportLanguage) -> String {
    var line = ""
    line += issue.line > 0 ? String(issue.line) : ""
    for cell in [
      issue.key, issue.field, issue.severity.rawValue, issue.code.rawValue,
      issue.message.text(in: language),
      issue.value,
    ] {
      line += ";"
      line += Self.cell(cell)
    }
    line += "\r\n"
    return line
  }

  package func close() throws { try output.close() }

  /// A spreadsheet reads a cell starting with `=`, `+`, `-`, `@`, TAB or CR as a
  /// formula: prefix it with `'`. Quote cells holding separators, quotes or breaks.
  package static func cell(_ value: String) -> String {
    var text = value
    if let first = text.utf8.first,
      [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]
        .contains(first)
    {
      text = "'" + text
    }
    if text.utf8.contains(where: {
      $0 == UInt8(ascii: ";") || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D
    }) {
      return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return text
  }
}
