import Foundation
import GRDB
import PasserelleCore

/// What `passerelle rejects` shows: the latest batches that rejected a file or rows,
/// with their reasons and where the details are.
public struct RejectsReport: Sendable, Codable {
  public struct Entry: Sendable, Codable {
    public var batch: String
    public var file: String
    public var state: String
    public var code: String?
    public var message: String?
    public var rowsRejected: Int
    public var warnings: Int
    /// The reject report (rows) or the rejected file, under `out/rejects/`.
    public var details: String?
  }

  public var entries: [Entry]

  public static func load(from path: String, limit: Int) throws -> RejectsReport {
    try Manifest.readOnly(path: path) { db in
      let rows = try GRDB.Row.fetchAll(
        db,
        sql: """
          SELECT b.id, b.sourceName, b.state, b.reasonCode, b.reasonMessage, b.rowsRejected,
            b.warnings, (SELECT path FROM batchOutput o WHERE o.batchId = b.id AND o.kind = 'report')
          FROM batch b
          WHERE b.state = 'rejected' OR b.rowsRejected > 0 OR b.warnings > 0
          ORDER BY b.claimedAt DESC, b.id DESC LIMIT ?
          """, arguments: [limit])
      return RejectsReport(
        entries: rows.map { row in
          Entry(
            batch: row[0], file: row[1], state: row[2], code: row[3], message: row[4],
            rowsRejected: row[5], warnings: row[6], details: row[7])
        })
    }
  }

  /// The text people read, in `language`.
  public func text(in language: ReportLanguage) -> String {
    if entries.isEmpty { return Message(.rejectsNone).text(in: language) }
    return entries.map { $0.line(in: language) }.joined(separator: "\n")
  }
}

extension RejectsReport.Entry {
  func line(in language: ReportLanguage) -> String {
    var values: [String: MessageValue] = ["batch": .text(batch), "file": .text(file)]
    guard state != BatchState.rejected.rawValue else {
      values["code"] = .text(code ?? "?")
      values["reason"] = .text(message ?? "")
      return Message(.rejectsFile, values).text(in: language)
    }
    values["rejected"] = .number(rowsRejected)
    values["warnings"] = .number(warnings)
    return Message(.rejectsRows, values).text(in: language)
      + (details.map { "\n    \($0)" } ?? "")
  }
}
