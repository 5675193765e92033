import Foundation
import GRDB
import PasserelleCore

/// What the HTML report for IT shows from the manifest, read in one transaction:
/// the drop folders' last looks and batches, the latest batches, the files set
/// aside, rows per day, and the SM connector's queue. Bounded whatever the
/// manifest holds.
package struct ReportSnapshot: Sendable {
  /// One batch with its counts.
  package struct Batch: Sendable, Equatable {
    package var id: String
    package var file: String
    /// The drop folder it came from: `sage` or `salesmanagement`.
    package var folder: String
    package var entity: String?
    package var state: BatchState
    package var reasonCode: String?
    package var reasonMessage: String?
    package var finishedAt: String?
    package var counts: BatchCounts
    /// Its row report, where the batch wrote one.
    package var rowReport: String?

    package init(
      id: String, file: String, folder: String, entity: String? = nil, state: BatchState,
      reasonCode: String? = nil, reasonMessage: String? = nil, finishedAt: String? = nil,
      counts: BatchCounts = BatchCounts(), rowReport: String? = nil
    ) {
      self.id = id
      self.file = file
      self.folder = folder
      self.entity = entity
      self.state = state
      self.reasonCode = reasonCode
      self.reasonMessage = reasonMessage
      self.finishedAt = finishedAt
      self.counts = counts
      self.rowReport = rowReport
    }
  }

  /// A drop folder's last look: when, and how many complete files it found.
  package struct FolderLook: Sendable, Equatable {
    package var folder: String
    package var at: String
    package var completeFiles: Int

    package init(folder: String, at: String, completeFiles: Int) {
      self.folder = folder
      self.at = at
      self.completeFiles = completeFiles
    }
  }

  /// Rows of the batches finished on one UTC day.
  package struct Day: Sendable, Equatable {
    /// `yyyy-mm-dd`.
    package var day: String
    package var sent: Int
    package var unchanged: Int
    package var rejected: Int

    package init(day: String, sent: Int, unchanged: Int, rejected: Int) {
      self.day = day
      self.sent = sent
      self.unchanged = unchanged
      self.rejected = rejected
    }
  }

  /// Each drop folder's last look, ordered by folder.
  package var looks: [FolderLook] = []
  /// The last batch of each drop folder, by folder.
  package var lastBatches: [String: Batch] = [:]
  /// The latest batches, newest first.
  package var latestBatches: [Batch] = []
  /// The latest batches with a row report, newest first.
  package var reportedBatches: [Batch] = []
  /// The latest batches whose file was set aside (rejected whole), newest first.
  package var setAside: [Batch] = []
  /// Rows per day since the first day asked for, days without batches left out.
  package var days: [Day] = []
  /// The SM connector's queue, health and watermarks; nil when never used.
  package var delivery: DeliveryStatus?

  package init() {}

  /// Reads the manifest at `path` without writing to it.
  /// - Parameters:
  ///   - since: the first UTC day (`yyyy-mm-dd`) counted in `days`.
  ///   - limit: how many batches each list holds at most.
  package static func load(from path: String, since: String, limit: Int) throws -> ReportSnapshot {
    try Manifest.readOnly(path: path) { db in
      var snapshot = ReportSnapshot()
      snapshot.looks = try Row.fetchAll(
        db, sql: "SELECT folder, at, complete FROM poll ORDER BY folder"
      ).map { FolderLook(folder: $0[0], at: $0[1], completeFiles: $0[2]) }
      for batch in try batches(db, where: Manifest.lastBatchOfEachFolder, limit: 10) {
        snapshot.lastBatches[batch.folder] = batch
      }
      snapshot.latestBatches = try batches(db, where: "1", limit: limit)
      snapshot.reportedBatches = try batches(db, where: hasReport, limit: limit)
      snapshot.setAside = try batches(db, where: "b.state = 'rejected'", limit: limit)
      snapshot.days = try days(db, since: since)
      snapshot.delivery = try DeliveryStatus.load(db).nilIfEmpty
      return snapshot
    }
  }

  private static let hasReport =
    "EXISTS (SELECT 1 FROM batchOutput o WHERE o.batchId = b.id AND o.kind = 'report')"

  private static func batches(_ db: Database, where condition: String, limit: Int) throws
    -> [Batch]
  {
    try Row.fetchAll(
      db,
      sql: """
        SELECT b.id, b.sourceName, b.folder, b.entity, b.state, b.reasonCode, b.reasonMessage,
          b.finishedAt, b.rowsRead, b.rowsEmitted, b.rowsUnchanged, b.rowsRejected, b.warnings,
          b.deletions,
          (SELECT path FROM batchOutput o WHERE o.batchId = b.id AND o.kind = 'report' LIMIT 1)
        FROM batch b WHERE \(condition)
        ORDER BY b.claimedAt DESC, b.rowid DESC LIMIT ?
        """, arguments: [limit]
    ).map(batch)
  }

  private static func batch(_ row: Row) -> Batch {
    var counts = BatchCounts()
    counts.read = row[8]
    counts.emitted = row[9]
    counts.unchanged = row[10]
    counts.rejected = row[11]
    counts.warnings = row[12]
    counts.deletions = row[13]
    return Batch(
      id: row[0], file: row[1], folder: row[2], entity: row[3],
      state: BatchState(rawValue: row[4]) ?? .done, reasonCode: row[5], reasonMessage: row[6],
      finishedAt: row[7], counts: counts, rowReport: row[14])
  }

  private static func days(_ db: Database, since: String) throws -> [Day] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT substr(finishedAt, 1, 10) AS day, SUM(rowsEmitted), SUM(rowsUnchanged),
          SUM(rowsRejected)
        FROM batch WHERE finishedAt >= ? GROUP BY day ORDER BY day
        """, arguments: [since]
    ).map { Day(day: $0[0], sent: $0[1], unchanged: $0[2], rejected: $0[3]) }
  }
}
