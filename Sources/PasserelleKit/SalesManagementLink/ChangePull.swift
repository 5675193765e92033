import Foundation
import Logging
import PasserelleCore
import PasserelleManifest
import SalesManagementAPI

/// Asks SM what changed since the last pull, resource by resource, and writes it
/// into `watch/salesmanagement/` for the SM → Sage direction. Each resource's
/// watermark advances only once its file is durable; a window of overlap covers
/// clocks that disagree, and versions already pulled are dropped.
final class ChangePull {
  static let resources = ["accounts", "contacts", "salesorders"]
  /// How far back each pull looks before its watermark.
  static let overlap: TimeInterval = 120

  let client: SalesManagementClient
  let ledger: PullLedger
  let echoes: EchoFilter
  let outbox: Outbox
  let folder: String
  let clock: @Sendable () -> Date
  let logger: Logger

  init(
    client: SalesManagementClient, ledger: PullLedger, outbox: Outbox, folder: String,
    clock: @escaping @Sendable () -> Date, logger: Logger
  ) {
    self.client = client
    self.ledger = ledger
    self.echoes = EchoFilter(outbox: outbox)
    self.outbox = outbox
    self.folder = folder
    self.clock = clock
    self.logger = logger
  }

  func run() async throws -> PullReport {
    var report = PullReport()
    for resource in Self.resources { try await pull(resource, into: &report) }
    return report
  }

  /// A first pull only sets the watermark: what SM held before the connection is
  /// not brought back as new.
  private func pull(_ resource: String, into report: inout PullReport) async throws {
    guard let mark = try ledger.watermark(resource), let since = Timestamp.parse(mark) else {
      try ledger.advance(resource: resource, to: Timestamp.iso(clock()), versions: [], at: clock())
      return
    }
    var pass = PullPass(watermark: mark)
    let file = try PulledFile(folder: folder, resource: resource, at: clock())
    do {
      try await readChanges(
        resource, since: since.addingTimeInterval(-Self.overlap), into: file, pass: &pass)
    } catch {
      file.discard()
      throw error
    }
    if file.count > 0 { try file.finish() } else { file.discard() }
    try outbox.learn(resource: resource, ids: pass.learned)
    try ledger.advance(resource: resource, to: pass.watermark, versions: pass.versions, at: clock())
    if file.count > 0 {
      report.files.append(file.path)
      report.records[resource, default: 0] += file.count
    }
    report.echoes += pass.echoes
  }

  private func readChanges(
    _ resource: String, since: Date, into file: PulledFile, pass: inout PullPass
  ) async throws {
    var page = 0
    while true {
      let answer = try await client.list(
        resource, where: SalesManagementFilter.changed(since: since), page: page)
      for record in answer.records { try await take(record, resource, file, &pass) }
      if answer.isLast { return }
      page += 1
    }
  }

  private func take(
    _ record: JSONValue, _ resource: String, _ file: PulledFile, _ pass: inout PullPass
  ) async throws {
    guard let id = record["id"]?.int else { return }
    let version = record["dateUpdated"]?.string ?? record["dateCreated"]?.string ?? ""
    pass.advance(to: version)
    guard try !ledger.alreadyPulled(resource: resource, smId: id, version: version) else { return }
    pass.versions.append((id, version))
    if let extId = record["extId"]?.string, !extId.isEmpty { pass.learned.append((extId, id)) }
    if try echoes.isEcho(record, resource: resource, id: id, version: version) {
      pass.echoes += 1
      return
    }
    try file.write(resource == "salesorders" ? try await withLines(record, id: id) : record)
  }

  /// A quote with its lines, as the SM → Sage direction reads it.
  private func withLines(_ quote: JSONValue, id: Int) async throws -> JSONValue {
    guard case .object(var members) = quote else { return quote }
    let lines = try await client.listAll("salesOrdersLines", where: "salesOrderId=\(id)")
      .filter { $0["deleted"] != .bool(true) }
    members["lines"] = .array(lines.sorted { ($0["order"]?.int ?? 0) < ($1["order"]?.int ?? 0) })
    return .object(members)
  }
}
