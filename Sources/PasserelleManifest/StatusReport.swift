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

  /// The text people read.
  public var text: String {
    var lines: [String] = ["Manifest: \(manifest)"]
    lines.append(
      "Batches: "
        + BatchState.allCases.map { "\(batches[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(
          separator: ", "))
    for run in lastRuns {
      lines.append(
        "Last batch in watch/\(run.folder): \(run.lastBatch) \(run.lastFile) → \(run.lastState)"
          + (run.finishedAt.map { " at \($0)" } ?? ""))
    }
    for poll in lastPolls {
      lines.append(
        "Last look at watch/\(poll.folder): \(poll.at), \(poll.completeFiles) complete file(s)")
    }
    if records.isEmpty { lines.append("Records: none yet") }
    for count in records {
      lines.append(
        "Records \(count.resource) (\(count.kind)): \(count.active) active, \(count.deleted) deleted"
      )
    }
    lines.append("Quotes waiting for Sage's prices: \(pendingQuotes)")
    lines.append("Quotes priced by Sage and read-only in SM: \(quotes["priced"] ?? 0)")
    lines.append("Priced quotes from Sage waiting for their SM quote: \(unmatchedPricedQuotes)")
    for created in createdInSalesManagement {
      lines.append(
        "Sage codes given to \(created.resource) created in SM: \(created.allocated) (last \(created.lastCode)), \(created.awaitingSage) not yet in a Sage export"
      )
    }
    if let delivery { lines.append(contentsOf: delivery.lines) }
    if !recentRejections.isEmpty {
      lines.append("Recently rejected files:")
      lines.append(contentsOf: recentRejections.map { "  \($0)" })
    }
    return lines.joined(separator: "\n")
  }
}
