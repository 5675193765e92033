import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import RecordMatching
import SalesManagementAPI

/// Writes a preview's detail, one line per operation, as French Excel opens it
/// (UTF-8 with BOM, `;`), and counts; records the ids it pretends SM gives. The
/// file gets its name once complete: a preview cut short leaves a `.tmp` only.
final class PreviewRecorder {
  private let output: OutputFile
  private let book: PreviewBook
  private let language: ReportLanguage
  private(set) var preview = DeliveryPreview()

  init(path: String, book: PreviewBook, language: ReportLanguage) throws {
    output = try OutputFile(path: path + ".tmp")
    self.book = book
    self.language = language
    preview.file = path
    try book.start()
    try output.write(
      [0xEF, 0xBB, 0xBF] + Array((Message(.previewColumns).text(in: language) + "\r\n").utf8))
  }

  /// Records a slice's calls: a line each, their counts, and in one transaction
  /// the ids SM would give what they create or adopt.
  func add(_ calls: [PlannedCall]) throws {
    var ids: [(resource: String, extId: String, smId: Int)] = []
    for call in calls {
      if let id = try add(call) { ids.append((call.operation.resource, call.operation.extId, id)) }
    }
    try book.pretend(ids)
  }

  /// Records one call; returns the id SM would give its record, if it gets one.
  private func add(_ call: PlannedCall) throws -> Int? {
    let operation = call.operation
    var pretended: Int?
    var counts = preview.resources[operation.resource] ?? DeliveryPreview.Counts()
    let action: MessageKey
    // An update of a record this preview would create names its pretended id: SM
    // has no id for it yet.
    var smId = call.update.flatMap { DeliveryIdMap.isPretended($0.id) ? nil : $0.id }
    var detail = ""
    switch call.kind {
    case .create:
      counts.create += 1
      action = .actionCreate
      pretended = -Int(operation.seq)
    case .update:
      counts.update += 1
      action = .actionUpdate
    case .adopt(let id, _, let evidence):
      counts.adopt += 1
      action = .actionAdopt
      detail = Message(
        .previewAdoptDetail, ["evidence": .text(MatchEvidence.text(evidence, in: language))]
      )
      .text(in: language)
      pretended = id
    case .delete(let id):
      counts.delete += 1
      action = .actionDelete
      smId = id
    case .held(let reason):
      counts.hold += 1
      action = .actionHold
      detail = reason
    case .nothing:
      return nil
    }
    preview.resources[operation.resource] = counts
    try write(call, action: action, smId: smId, detail: detail)
    return pretended
  }

  private func write(_ call: PlannedCall, action: MessageKey, smId: Int?, detail: String) throws {
    let cells = [
      call.operation.resource, Message(action).text(in: language), call.operation.extId,
      Self.label(call), smId.map(String.init) ?? "", detail,
    ]
    try output.write(cells.map(RejectReportWriter.cell).joined(separator: ";") + "\r\n")
  }

  /// Closes the detail file and keeps the counts for the report.
  func finish(at date: Date) throws -> DeliveryPreview {
    try output.close()
    try FileSystem.rename(output.path, to: preview.file)
    try book.finish(counts: preview.table, file: preview.file, at: date)
    return preview
  }

  /// The record as IT recognises it, from what SM would get.
  private static func label(_ call: PlannedCall) -> String {
    let data = call.data
    if let resource = MatchableResource(rawValue: call.operation.resource) {
      return MatchProfile(record: data, resource: resource).label
    }
    return data["name"]?.string ?? data["reference"]?.string ?? ""
  }
}
