import Foundation
import GRDB
import PasserelleCore

/// What `passerelle status` shows: the manifest's view of the work done.
public struct StatusReport: Sendable, Codable {
  public struct FolderRun: Sendable, Codable {
    public var folder: String
    public var lastBatch: String
    public var lastFile: String
    public var lastState: String
    public var finishedAt: String?
  }

  public struct RecordCount: Sendable, Codable {
    public var resource: String
    public var kind: String
    public var active: Int
    public var deleted: Int
  }

  public var manifest: String
  public var batches: [String: Int]
  public var lastRuns: [FolderRun]
  /// When the service last looked at each drop folder, and what it found complete.
  public var lastPolls: [FolderPoll]

  public struct FolderPoll: Sendable, Codable {
    public var folder: String
    public var at: String
    public var completeFiles: Int
  }
  public var records: [RecordCount]
  /// SM quotes sent to Sage and not priced yet.
  public var pendingQuotes: Int
  /// Quotes by state of the round trip (`sent`, `priced`).
  public var quotes: [String: Int]
  /// Priced quotes from Sage whose SM quote is not known yet.
  public var unmatchedPricedQuotes: Int
  /// Records created in SM, by resource: how many got a Sage code, the last one,
  /// and how many no Sage export has listed yet (waiting for the accountant's import).
  public var createdInSalesManagement: [CreatedRecords]
  public var recentRejections: [String]
  /// The SM connector: delivery queue, API health, pull watermarks (nil when never used).
  public var delivery: DeliveryStatus?

  public struct CreatedRecords: Sendable, Codable {
    public var resource: String
    public var allocated: Int
    public var lastCode: String
    public var awaitingSage: Int
  }

  public static func load(from path: String) throws -> StatusReport {
    return try Manifest.readOnly(path: path) { db in
      var batches: [String: Int] = [:]
      for state in BatchState.allCases { batches[state.rawValue] = 0 }
      for row in try GRDB.Row.fetchAll(
        db, sql: "SELECT state, COUNT(*) FROM batch GROUP BY state")
      {
        batches[row[0]] = row[1]
      }
      let lastRuns = try GRDB.Row.fetchAll(
        db,
        sql: """
          SELECT folder, id, sourceName, state, finishedAt FROM batch b
          WHERE \(Manifest.lastBatchOfEachFolder)
          ORDER BY folder
          """
      ).map {
        FolderRun(
          folder: $0[0], lastBatch: $0[1], lastFile: $0[2], lastState: $0[3], finishedAt: $0[4])
      }
      let polls = try GRDB.Row.fetchAll(
        db, sql: "SELECT folder, at, complete FROM poll ORDER BY folder"
      ).map { FolderPoll(folder: $0[0], at: $0[1], completeFiles: $0[2]) }
      let records = try GRDB.Row.fetchAll(
        db,
        sql: """
          SELECT resource, kind, SUM(deleted = 0), SUM(deleted = 1) FROM record
          GROUP BY resource, kind ORDER BY resource, kind
          """
      ).map { RecordCount(resource: $0[0], kind: $0[1], active: $0[2], deleted: $0[3]) }
      let rejections = try GRDB.Row.fetchAll(
        db,
        sql: """
          SELECT id, sourceName, reasonCode FROM batch WHERE state = 'rejected'
          ORDER BY claimedAt DESC, rowid DESC LIMIT 5
          """
      ).map { "\($0[0] as String) \($0[1] as String): \($0[2] as String? ?? "")" }
      var quotes: [String: Int] = [:]
      for row in try GRDB.Row.fetchAll(db, sql: "SELECT state, COUNT(*) FROM quote GROUP BY state")
      {
        quotes[row[0]] = row[1]
      }
      let unmatched = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pendingPricedQuote") ?? 0
      let created = try GRDB.Row.fetchAll(
        db,
        sql: """
          SELECT a.resource, COUNT(*),
            (SELECT code FROM allocatedCode WHERE resource = a.resource
              ORDER BY allocatedAt DESC, rowid DESC LIMIT 1),
            (SELECT COUNT(*) FROM record WHERE resource = a.resource AND awaitingSage = 1)
          FROM allocatedCode a GROUP BY a.resource ORDER BY a.resource
          """
      ).map {
        CreatedRecords(resource: $0[0], allocated: $0[1], lastCode: $0[2], awaitingSage: $0[3])
      }
      return StatusReport(
        manifest: path, batches: batches, lastRuns: lastRuns, lastPolls: polls, records: records,
        pendingQuotes: quotes["sent"] ?? 0, quotes: quotes, unmatchedPricedQuotes: unmatched,
        createdInSalesManagement: created, recentRejections: rejections,
        delivery: try DeliveryStatus.load(db).nilIfEmpty)
    }
  }

  /// The text people read, in `language`.
  public func text(in language: ReportLanguage) -> String {
    let say = { (key: MessageKey, values: [String: MessageValue]) in
      Message(key, values).text(in: language)
    }
    var lines = [say(.statusManifest, ["path": .text(manifest)])]
    lines.append(
      say(
        .statusBatches,
        [
          "done": .number(batches["done"] ?? 0), "rejected": .number(batches["rejected"] ?? 0),
          "duplicate": .number(batches["duplicate"] ?? 0),
        ]))
    lines += lastRuns.map { say(.statusLastBatch, $0.values(in: language)) }
    for poll in lastPolls {
      lines.append(
        say(
          .statusLastLook,
          [
            "folder": .text(poll.folder), "at": .text(poll.at),
            "count": .number(poll.completeFiles),
          ]))
    }
    if records.isEmpty { lines.append(say(.statusNoRecords, [:])) }
    for count in records {
      lines.append(
        say(
          .statusRecords,
          [
            "resource": EntityName.value(count.resource), "kind": .text(count.kind),
            "active": .number(count.active), "deleted": .number(count.deleted),
          ]))
    }
    lines.append(say(.statusQuotesWaiting, ["count": .number(pendingQuotes)]))
    lines.append(say(.statusQuotesPriced, ["count": .number(quotes["priced"] ?? 0)]))
    lines.append(say(.statusPricedQuotesUnmatched, ["count": .number(unmatchedPricedQuotes)]))
    for created in createdInSalesManagement {
      lines.append(
        say(
          .statusCodesGiven,
          [
            "resource": EntityName.value(created.resource), "count": .number(created.allocated),
            "last": .text(created.lastCode), "awaiting": .number(created.awaitingSage),
          ]))
    }
    if let delivery { lines.append(contentsOf: delivery.lines(in: language)) }
    if !recentRejections.isEmpty {
      lines.append(say(.statusRecentRejections, [:]))
      lines.append(contentsOf: recentRejections.map { "  \($0)" })
    }
    return lines.joined(separator: "\n")
  }
}

extension StatusReport.FolderRun {
  /// The placeholders of a "last batch" line.
  func values(in language: ReportLanguage) -> [String: MessageValue] {
    let state = BatchState(rawValue: lastState).map { MessageValue.message(Message($0.word)) }
    let finished = finishedAt.map { MessageValue.message(Message(.statusAt, ["at": .text($0)])) }
    return [
      "folder": .text(folder), "batch": .text(lastBatch), "file": .text(lastFile),
      "state": state ?? .text(lastState), "finished": finished ?? .text(""),
    ]
  }
}

extension BatchState {
  /// The state as `status` names it.
  var word: MessageKey {
    switch self {
    case .done: .stateDone
    case .rejected: .stateRejected
    case .duplicate: .stateDuplicate
    }
  }
}
