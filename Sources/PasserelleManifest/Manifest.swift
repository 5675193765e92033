import CSQLite
import Foundation
import GRDB
import PasserelleCore

/// `out/manifest.sqlite`: every batch, the id map, the fingerprint of each
/// record's last sent content. The only state Passerelle keeps.
package final class Manifest: Sendable {
  let database: DatabasePool
  package let path: String

  package init(path: String) throws {
    self.path = path
    _ = Self.sqliteSettings
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    configuration.label = "manifest"
    configuration.prepareDatabase { db in
      try db.execute(sql: Self.pageSize)
      try db.execute(sql: Self.cacheSizes)
    }
    do {
      database = try DatabasePool(path: path, configuration: configuration)
      // The pool opens in WAL mode with NORMAL syncing, where a commit reaches the
      // disk only at the next checkpoint. Migrations keep it: a power cut can only
      // undo the last of them, which run again at the next opening, and a new
      // manifest is created without one sync per migration.
      do {
        try Self.migrator.migrate(database)
      } catch {
        // Another process (a `status` at the same moment) was creating the same
        // tables: its migrations are done now, and this one finds nothing to do.
        Thread.sleep(forTimeInterval: 0.2)
        try Self.migrator.migrate(database)
      }
      // A batch's commit could otherwise be undone after its outputs were published
      // and its file archived: every commit of the writer is synced from here (one
      // WAL sync per batch, which makes the migrations durable with it), but for the
      // few that `writeUnsynced` makes.
      try database.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = FULL")
      }
    } catch {
      throw EnvironmentFailure(.manifestCannotOpen, ["error": .error(error)], path: path)
    }
  }

  /// Every connection's page caches (the database's, and that of its temporary
  /// tables) hold at most 1 MiB each: a large export fills them, a small one does
  /// not, so their size is most of what peak memory gains with the file. Batches
  /// write and read records mostly in code order, which needs few pages at a time.
  static let cacheSizes = "PRAGMA main.cache_size = -1024; PRAGMA temp.cache_size = -1024"

  /// Pages of 8 KiB, set when the file is created (a manifest created with another
  /// size keeps it). Half as many pages to write, find and check as with 4 KiB: a
  /// first conversion of 200,000 customers went from 2.90 to 2.75 s, the same export
  /// again from 0.85 to 0.79 s. 16 KiB made the next cycle slower: each record it
  /// changes rewrites a whole page.
  static let pageSize = "PRAGMA page_size = 8192"

  /// Process-wide SQLite settings, applied before the first connection opens.
  private static let sqliteSettings: Void = {
    _ = passerelle_sqlite_without_memory_statistics()
  }()

  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try database.read(body)
    } catch let error as DatabaseError {
      throw EnvironmentFailure(
        .manifestCannotRead, ["error": .text(error.message ?? "\(error)")])
    }
  }

  /// Reads the manifest without opening it for writing (no migration, no change
  /// of journal mode), so that `status` run while the service starts can never
  /// keep it from opening the manifest. A manifest older than this version is
  /// brought up to date first, the usual way.
  static func readOnly<T>(path: String, _ body: (Database) throws -> T) throws -> T {
    guard FileSystem.exists(path) else {
      throw EnvironmentFailure(.noManifest, path: path)
    }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.prepareDatabase { db in try db.execute(sql: cacheSizes) }
    configuration.busyMode = .timeout(10)
    // A manifest being created or brought up to date by a starting service is
    // given a few seconds; one left behind by an older version is updated here.
    for _ in 0..<25 {
      do {
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        if try queue.read({ db in try migrator.hasCompletedMigrations(db) }) {
          return try queue.read(body)
        }
      } catch {
        // Not readable yet as it stands.
      }
      Thread.sleep(forTimeInterval: 0.2)
    }
    return try Manifest(path: path).read(body)
  }

  func write<T>(_ body: (Database) throws -> T) throws -> T {
    try reportingWriteFailures { try database.write(body) }
  }

  /// Runs `body` in one write transaction committed without a sync: what it writes
  /// outlives a crash or a kill of Passerelle (the written pages are the kernel's),
  /// not a crash of the system. A sync on a volume where a large file was just
  /// written waits for that file too: the writes that need not survive a crash of
  /// the system skip it.
  func writeUnsynced<T>(_ body: (Database) throws -> T) throws -> T {
    try reportingWriteFailures {
      try database.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
        var result: T? = nil
        let committed = Result {
          try db.inTransaction {
            result = try body(db)
            return .commit
          }
        }
        // Every other commit of the writer is synced (see `init`), whatever came of this one.
        try db.execute(sql: "PRAGMA synchronous = FULL")
        try committed.get()
        return result!
      }
    }
  }

  private func reportingWriteFailures<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      throw EnvironmentFailure(
        .manifestCannotWrite, ["error": .text(error.message ?? "\(error)")])
    }
  }

  /// Runs `body` in one write transaction, committed when it returns.
  package func transaction<T>(_ body: (ManifestTransaction) throws -> T) throws -> T {
    try write { db in try body(ManifestTransaction(db: db)) }
  }

  /// Counts one more conversion attempt of a claimed file, durably unless not
  /// `synced`, before it starts: a crash or a kill during the conversion leaves the
  /// count raised. Unsynced (see `writeUnsynced`), a crash of the system may lose it.
  package func beginAttempt(_ batch: String, synced: Bool = true) throws -> Int {
    let count = { (db: Database) throws -> Int in
      try db.execute(
        sql: """
          INSERT INTO attempt(batchId, count) VALUES (?, 1)
          ON CONFLICT(batchId) DO UPDATE SET count = count + 1
          """, arguments: [batch])
      return try Int.fetchOne(
        db, sql: "SELECT count FROM attempt WHERE batchId = ?", arguments: [batch]) ?? 1
    }
    return try synced ? write(count) : writeUnsynced(count)
  }

  /// When a drop folder was last looked at, and how many complete files it held.
  package func recordPoll(folder: SourceFolder, at date: Date, complete: Int) throws {
    try write { db in
      try db.execute(
        sql: "INSERT OR REPLACE INTO poll(folder, at, complete) VALUES (?, ?, ?)",
        arguments: [folder.rawValue, Timestamp.iso(date), complete])
    }
  }

  package func forgetAttempt(_ batch: String) throws {
    try write { db in
      try db.execute(
        sql: "UPDATE attempt SET count = count - 1 WHERE batchId = ? AND count > 0",
        arguments: [batch])
    }
  }

  /// What `convert` asked for a claimed file, kept until the batch is finished;
  /// `copied` when the claim is a copy (see `recordCopy`).
  package func recordOptions(
    _ options: ConversionOptions, of batch: String, copied: Bool = false
  ) throws {
    try write { db in
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO claimOptions(batchId, entity, outputFolder, allowMassDeletion,
            sourceFolder, copied)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          batch, options.entity?.rawValue, options.outputFolder, options.allowMassDeletion,
          options.sourceFolder?.rawValue, copied,
        ])
    }
  }

  /// What the copy claimed for `batch` holds, once copied. Not synced (see
  /// `writeUnsynced`): the copy itself is not either, and a crash of the system that
  /// loses this leaves a copy that cannot be checked, which is dropped.
  package func recordCopy(_ copy: ClaimedCopy, of batch: String) throws {
    try writeUnsynced { db in
      try db.execute(
        sql: "UPDATE claimOptions SET copySize = ?, copySHA256 = ? WHERE batchId = ?",
        arguments: [copy.size, copy.sha256, batch])
    }
  }

  /// What the copy claimed for `batch` holds: its size is nil when that was not
  /// recorded. Nil when the file itself was claimed.
  package func claimedCopy(of batch: String) throws -> ClaimedCopy? {
    try read { db in
      guard
        let row = try GRDB.Row.fetchOne(
          db, sql: "SELECT copied, copySize, copySHA256 FROM claimOptions WHERE batchId = ?",
          arguments: [batch]),
        row[0] as Bool? == true
      else { return nil }
      return ClaimedCopy(size: row[1], sha256: row[2])
    }
  }

  package func options(of batch: String) throws -> ConversionOptions {
    try read { db in
      var options = ConversionOptions()
      if let row = try GRDB.Row.fetchOne(
        db,
        sql: """
          SELECT entity, outputFolder, allowMassDeletion, sourceFolder FROM claimOptions
          WHERE batchId = ?
          """,
        arguments: [batch])
      {
        options.entity = (row[0] as String?).flatMap(SageEntity.init(rawValue:))
        options.outputFolder = row[1]
        options.allowMassDeletion = row[2]
        options.sourceFolder = (row[3] as String?).flatMap(SourceFolder.init(rawValue:))
      }
      return options
    }
  }

  /// What a recorded batch came to, for the summary of the run that finishes it.
  package func outcome(of batch: String) throws -> BatchOutcome? {
    try read { db in
      guard
        let row = try GRDB.Row.fetchOne(
          db,
          sql: """
            SELECT sourceName, entity, state, reasonCode, reasonMessage, rowsRead, rowsEmitted,
              rowsUnchanged, rowsRejected, warnings, deletions
            FROM batch WHERE id = ?
            """, arguments: [batch]),
        let state = BatchState(rawValue: row["state"])
      else { return nil }
      var outcome = BatchOutcome(
        batch: batch, file: row["sourceName"], entity: row["entity"], state: state)
      outcome.counts.read = row["rowsRead"]
      outcome.counts.emitted = row["rowsEmitted"]
      outcome.counts.unchanged = row["rowsUnchanged"]
      outcome.counts.rejected = row["rowsRejected"]
      outcome.counts.warnings = row["warnings"]
      outcome.counts.deletions = row["deletions"]
      if let code = (row["reasonCode"] as String?).flatMap(ReasonCode.init(rawValue:)) {
        outcome.reason = FileRejection(code, Message.verbatim(row["reasonMessage"] ?? ""))
      }
      return outcome
    }
  }

  /// The batch that already delivered this content, if any.
  /// With `entity`, only a batch read as that entity counts: the same file
  /// converted again with another `--entity` is not a duplicate.
  package func processedBatch(sha256: String, entity: String? = nil) throws -> String? {
    try read { db in
      try String.fetchOne(
        db,
        sql: """
          SELECT id FROM batch WHERE sha256 = ? AND state = 'done' AND (? IS NULL OR entity = ?)
          LIMIT 1
          """,
        arguments: [sha256, entity, entity])
    }
  }

  package func batchState(_ id: String) throws -> String? {
    try read { db in
      try String.fetchOne(db, sql: "SELECT state FROM batch WHERE id = ?", arguments: [id])
    }
  }

  package func outputs(of batch: String) throws -> [BatchOutput] {
    try read { db in
      try GRDB.Row.fetchAll(
        db, sql: "SELECT kind, path, temporaryPath FROM batchOutput WHERE batchId = ?",
        arguments: [batch]
      ).map { BatchOutput(kind: $0["kind"], path: $0["path"], temporaryPath: $0["temporaryPath"]) }
    }
  }

  package func allowsMassDeletion(sha256: String) throws -> Bool {
    try read { db in
      try Bool.fetchOne(
        db, sql: "SELECT 1 FROM deletionOverride WHERE sha256 = ?", arguments: [sha256]) ?? false
    }
  }

  /// IT confirms that a held export really deletes that many records.
  package func allowMassDeletion(sha256: String, at date: Date) throws {
    try write { db in
      try db.execute(
        sql: "INSERT OR REPLACE INTO deletionOverride(sha256, grantedAt) VALUES (?, ?)",
        arguments: [sha256, Timestamp.iso(date)])
    }
  }

  /// The SHA-256 of a batch, so that IT can confirm it by batch id.
  package func sha256(ofBatch id: String) throws -> String? {
    try read { db in
      try String.fetchOne(db, sql: "SELECT sha256 FROM batch WHERE id = ?", arguments: [id])
    }
  }

  /// Adds a reject report written after the batch committed (SM's refusals) to
  /// its outputs, unless it is there already.
  package func recordReport(_ path: String, ofBatch id: String) throws {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO batchOutput(batchId, kind, path)
          SELECT ?, 'report', ? WHERE NOT EXISTS (
            SELECT 1 FROM batchOutput WHERE batchId = ? AND kind = 'report')
          """, arguments: [id, path, id])
    }
  }

  /// The name of the file a batch converted.
  package func sourceName(ofBatch id: String) throws -> String? {
    try read { db in
      try String.fetchOne(db, sql: "SELECT sourceName FROM batch WHERE id = ?", arguments: [id])
    }
  }

  package func insert(
    _ batch: BatchRecord, outputs: [BatchOutput] = [], in transaction: ManifestTransaction
  ) throws {
    try insert(batch, outputs: outputs, in: transaction.db)
  }

  func insert(_ batch: BatchRecord, outputs: [BatchOutput] = [], in db: Database) throws {
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO batch(id, sourceName, folder, direction, sha256, size, entity, state,
          reasonCode, reasonMessage, claimedAt, finishedAt, rowsRead, rowsEmitted, rowsUnchanged,
          rowsRejected, warnings, deletions)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        batch.id, batch.sourceName, batch.folder, batch.direction, batch.sha256, batch.size,
        batch.entity, batch.state.rawValue, batch.reasonCode, batch.reasonMessage,
        batch.claimedAt, batch.finishedAt, batch.counts.read, batch.counts.emitted,
        batch.counts.unchanged, batch.counts.rejected, batch.counts.warnings,
        batch.counts.deletions,
      ])
    try db.execute(sql: "DELETE FROM batchOutput WHERE batchId = ?", arguments: [batch.id])
    for output in outputs {
      try db.execute(
        sql: "INSERT INTO batchOutput(batchId, kind, path, temporaryPath) VALUES (?, ?, ?, ?)",
        arguments: [batch.id, output.kind, output.path, output.temporaryPath])
    }
  }

  package func record(_ batch: BatchRecord, outputs: [BatchOutput] = []) throws {
    try write { db in try insert(batch, outputs: outputs, in: db) }
  }
}
