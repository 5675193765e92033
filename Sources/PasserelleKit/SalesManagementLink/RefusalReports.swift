import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput

/// Adds the records SM refused to the reject report of the batch they came from
/// (`refused-by-salesmanagement`, SM's message and field), where IT already looks
/// for that file's problems. The report is rewritten under a temporary name and
/// renamed: a reader never sees half of it.
struct RefusalReports {
  let manifest: Manifest
  let rejectsFolder: String
  let language: ReportLanguage

  func append(_ refusals: [OutboxRefusal]) throws {
    let byBatch = Dictionary(grouping: refusals, by: \.batch)
    for batch in byBatch.keys.sorted() {
      guard let source = try manifest.sourceName(ofBatch: batch) else { continue }
      let path = "\(rejectsFolder)/\(batch)-\(OutputName.safe(source)).rejects.csv"
      try rewrite(path, adding: byBatch[batch]!)
      try manifest.recordReport(path, ofBatch: batch)
    }
  }

  private func rewrite(_ path: String, adding refusals: [OutboxRefusal]) throws {
    let temporary =
      (path as NSString).deletingLastPathComponent
      + "/.\((path as NSString).lastPathComponent).tmp"
    let output = try OutputFile(path: temporary)
    if let existing = FileManager.default.contents(atPath: path) {
      try output.write(Array(existing))
    } else {
      try output.write(RejectReportWriter.head)
    }
    for refusal in refusals {
      try output.write(RejectReportWriter.line(Self.issue(refusal), in: language))
    }
    try output.close()
    try FileSystem.rename(temporary, to: path)
    FileSystem.syncDirectory(rejectsFolder)
  }

  private static func issue(_ refusal: OutboxRefusal) -> RowIssue {
    RowIssue(
      line: 0, key: refusal.extId, field: refusal.field ?? "", severity: .error,
      code: .refusedBySalesManagement,
      message: Message(
        .refusedBySalesManagement,
        [
          "resource": EntityName.value(refusal.resource), "reason": .text(refusal.message),
          "advice": .message(Message(advice(refusal.field))),
        ]),
      value: "")
  }

  /// What to do: fields Passerelle fills from its settings are fixed there; the
  /// others in Sage 50. The record is sent again with its next export either way.
  private static func advice(_ field: String?) -> MessageKey {
    switch field {
    case "branchId": .refusalAdviceBranch
    case "salesRepId1", "salesRepId": .refusalAdviceRepresentative
    default: .refusalAdviceSage
    }
  }
}
