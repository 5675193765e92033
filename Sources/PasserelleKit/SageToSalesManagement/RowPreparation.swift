import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// What a mapping thread does with each row of a keyed export: recognise it as
/// exported before unchanged, or map it and fingerprint what it gives.
struct RowPreparation {
  let plan: EntityPlan
  let userIds: [String: Int]
  /// Of the header: a row with another count is ragged.
  let columns: Int
  let unchangedRows: UnchangedRows
  /// This thread's own.
  let matcher: UnchangedRows.Matcher

  func prepare(_ row: SourceRow) -> ExportConversion.PreparedRow {
    var rowFingerprint: Fingerprint? = nil
    if matcher.looksUp {
      let print = matcher.fingerprint(row)
      if let lastSent = matcher.lastSent(row, fingerprint: print) {
        return .init(line: row.line, lastSent: lastSent)
      }
      rowFingerprint = print
    } else {
      // Nothing reads the row whole before the mapping: its memory is fetched in one go.
      row.touchStorage()
    }
    var record = plan.map(row, userIds)
    if let problem = ExportConversion.shapeProblem(row, columns: columns) {
      record.issues.append(
        RowIssue(
          line: row.line, key: record.key, field: "", severity: .error, code: .raggedRow,
          message: problem, value: ""))
    }
    guard !record.isRejected else {
      return .init(line: row.line, record: record, fingerprint: nil, guid: "")
    }
    let digest = Digest.upsert(record.data)
    var prepared = ExportConversion.PreparedRow(
      line: row.line, record: record, fingerprint: digest.fingerprint, guid: digest.guid,
      companionDigests: record.companions.map { Digest.upsert($0.data) })
    if unchangedRows.mayRecognise(record, row: row) {
      prepared.rowFingerprint = rowFingerprint ?? matcher.fingerprint(row)
    }
    return prepared
  }
}
