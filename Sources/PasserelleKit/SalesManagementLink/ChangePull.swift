import Foundation
import Logging
import PasserelleCore
import PasserelleManifest
import SalesManagementAPI

/// Asks SM what changed since the last pull, resource by resource, and writes it
/// into `watch/salesmanagement/` for the SM → Sage direction. Each resource's
/// watermark advances only once its file is durable; a window of overlap covers
/// clocks that disagree, and versions already pulled are dropped. A quote comes
/// again when one of its lines changes: its lines are their own resource, and
/// adding one leaves the quote's own dates as they were.
final class ChangePull {
  static let resources = ["accounts", "contacts", "salesorders"]
  static let lineResource = "salesOrdersLines"
  /// How far back each pull looks before its watermark.
  static let overlap: TimeInterval = 120

  let client: SalesManagementClient
  let ledger: PullLedger
  let echoes: EchoFilter
  let outbox: Outbox
  let folder: String
  let language: ReportLanguage
  let clock: @Sendable () -> Date
  let logger: Logger

  init(
    client: SalesManagementClient, ledger: PullLedger, outbox: Outbox, folder: String,
    language: ReportLanguage, clock: @escaping @Sendable () -> Date, logger: Logger
  ) {
    self.client = client
    self.ledger = ledger
    self.echoes = EchoFilter(outbox: outbox)
    self.outbox = outbox
    self.folder = folder
    self.language = language
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
      let from = since.addingTimeInterval(-Self.overlap)
      if resource == "salesorders" {
        try await readQuoteChanges(since: from, into: file, pass: &pass)
      } else {
        try await readChanges(resource, since: from, into: file, pass: &pass)
      }
    } catch {
      file.discard()
      throw error
    }
    if file.count > 0 { try file.finish() } else { file.discard() }
    try outbox.learn(resource: resource, ids: pass.learned)
    // The file is durable: should the quotes' advance fail after the lines', a quote
    // listed again is found unchanged by the import.
    if !pass.lineVersions.isEmpty {
      try ledger.advance(
        resource: Self.lineResource, to: nil, versions: pass.lineVersions, at: clock())
    }
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

  /// Quotes changed since `since`, then those whose lines alone changed, each once.
  private func readQuoteChanges(
    since: Date, into file: PulledFile, pass: inout PullPass
  ) async throws {
    var touched = try await quotesWithNewLines(since: since, pass: &pass)
    // Pages can shift while they are read: a quote seen twice is written once.
    var taken = Set<Int>()
    var page = 0
    while true {
      let answer = try await client.list(
        "salesorders", where: SalesManagementFilter.changed(since: since), page: page)
      for record in answer.records {
        guard let id = record["id"]?.int, taken.insert(id).inserted else { continue }
        let lines = touched.removeValue(forKey: id)
        try await take(record, "salesorders", file, &pass, linesChanged: lines)
      }
      if answer.isLast { break }
      page += 1
    }
    for (id, lines) in touched.sorted(by: { $0.key < $1.key }) {
      guard let quote = try await client.get("salesorders", id: id) else { continue }
      try await take(quote, "salesorders", file, &pass, linesChanged: lines)
    }
  }

  /// The quotes with a line changed or deleted since `since` in a version not yet
  /// pulled, each with its latest such change. The lines' versions are remembered
  /// whatever becomes of their quote (an echo too). Should SM refuse the listing,
  /// quotes are still pulled on their own changes.
  private func quotesWithNewLines(since: Date, pass: inout PullPass) async throws
    -> [Int: String]
  {
    var quotes: [Int: String] = [:]
    var page = 0
    while true {
      guard let answer = try await changedLines(since: since, page: page) else { return quotes }
      for line in answer.records {
        guard let id = line["id"]?.int, let quote = line["salesOrderId"]?.int else { continue }
        let version = Self.lineVersion(of: line)
        pass.advance(to: version)
        guard try !ledger.alreadyPulled(resource: Self.lineResource, smId: id, version: version)
        else { continue }
        pass.lineVersions.append((id, version))
        quotes[quote] = PullPass.later(version, quotes[quote])
      }
      if answer.isLast { return quotes }
      page += 1
    }
  }

  /// The time of the record's last change, as SM wrote it.
  private static func version(of record: JSONValue) -> String {
    record["dateUpdated"]?.string ?? record["dateCreated"]?.string ?? ""
  }

  /// A page of the lines changed or deleted since `since`; nil when SM refuses it.
  private func changedLines(since: Date, page: Int) async throws -> SalesManagementPage? {
    do {
      return try await client.list(
        Self.lineResource, where: SalesManagementFilter.changedOrDeleted(since: since), page: page)
    } catch {
      guard case .refused(let status, let message, _) = error else { throw error }
      let refusal = MessageValue.text("HTTP \(status), \(message)")
      logger.warning(
        "\(Message(.quoteLinesListingRefused, ["error": refusal]).text(in: language))")
      return nil
    }
  }

  /// A line's version: its deletion, when SM marks it so, is its last change.
  private static func lineVersion(of line: JSONValue) -> String {
    line["dateDeleted"]?.string ?? version(of: line)
  }

  /// Takes a record the pull listed; `linesChanged`, for a quote, is the latest
  /// change of its lines not yet pulled: the quote is then taken even if its own
  /// version was, and is an echo only if that change is ours.
  private func take(
    _ record: JSONValue, _ resource: String, _ file: PulledFile, _ pass: inout PullPass,
    linesChanged: String? = nil
  ) async throws {
    guard let id = record["id"]?.int else { return }
    let version = Self.version(of: record)
    pass.advance(to: version)
    if linesChanged == nil,
      try ledger.alreadyPulled(resource: resource, smId: id, version: version)
    {
      return
    }
    pass.versions.append((id, version))
    if let extId = record["extId"]?.string, !extId.isEmpty { pass.learned.append((extId, id)) }
    let changed = linesChanged.map { PullPass.later($0, version) } ?? version
    if try echoes.isEcho(record, resource: resource, id: id, version: changed) {
      pass.echoes += 1
      return
    }
    try file.write(
      resource == "salesorders" ? try await withLines(record, id: id, pass: &pass) : record)
  }

  /// A quote with its lines, as the SM → Sage direction reads it. The lines'
  /// versions are remembered, so that the next pull does not bring the quote again.
  private func withLines(_ quote: JSONValue, id: Int, pass: inout PullPass) async throws
    -> JSONValue
  {
    guard case .object(var members) = quote else { return quote }
    let all = try await client.listAll(Self.lineResource, where: "salesOrderId=\(id)")
    for line in all {
      if let lineId = line["id"]?.int {
        pass.lineVersions.append((lineId, Self.lineVersion(of: line)))
      }
    }
    let lines = all.filter { $0["deleted"] != .bool(true) }
    members["lines"] = .array(lines.sorted { ($0["order"]?.int ?? 0) < ($1["order"]?.int ?? 0) })
    return .object(members)
  }
}
