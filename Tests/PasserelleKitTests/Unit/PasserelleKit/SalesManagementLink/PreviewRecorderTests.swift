import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleManifest
@testable import SalesManagementAPI

/// The preview's detail file: one line per call, with the SM id a call names.
@Suite struct PreviewRecorderTests {
  func call(_ seq: Int64, _ kind: PlannedCall.Kind) -> PlannedCall {
    let operation = OutboxOperation(
      seq: seq, batch: "b", resource: "products", action: "upsert", extId: "A\(seq)",
      body: Data(), smId: nil, attempts: 0)
    return PlannedCall(operation: operation, guid: "g\(seq)", kind: kind)
  }

  /// A record the preview would create has no SM id yet: a later update of it shows
  /// none, not the id the preview pretends for it.
  @Test func anUpdateOfARecordThePreviewCreatesShowsNoSMId() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try Manifest(path: scratch.file("manifest.sqlite"))
    let path = scratch.file("apercu.csv")
    let recorder = try PreviewRecorder(
      path: path, book: PreviewBook(manifest: manifest), language: .english)
    try recorder.add([
      call(1, .create(.null)), call(2, .update(id: -1, .null)), call(3, .update(id: 42, .null)),
    ])
    let preview = try recorder.finish(at: Date(timeIntervalSince1970: 1_795_000_000))
    let lines = try TestFiles.read(path).components(separatedBy: "\r\n").dropFirst()
    #expect(
      lines.map { $0.split(separator: ";", omittingEmptySubsequences: false).dropFirst(4).first }
        == [Substring(""), "", "42", nil])
    #expect(
      preview.resources["products"]?.create == 1 && preview.resources["products"]?.update == 2)
    // `status` names the last preview in its text too, not only in `--json`.
    let status = try StatusReport.load(from: manifest.path).text(in: .french)
    #expect(status.contains("Aperçu du ") && status.contains("apercu.csv"), "\(status)")
  }
}
