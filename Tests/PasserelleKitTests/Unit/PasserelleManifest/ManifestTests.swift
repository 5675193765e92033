import GRDB
import Testing

@testable import PasserelleManifest

@Suite struct ManifestTests {
  /// Peak memory must not grow with the export: SQLite's page caches are the part
  /// that a large batch fills, so each connection's are capped (the writer's, the
  /// readers', the one `status` opens), for the database and for the batch's
  /// temporary tables.
  @Test func everyConnectionCapsItsPageCaches() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try Manifest(path: scratch.file("manifest.sqlite"))
    let query =
      "SELECT m.cache_size, t.cache_size FROM pragma_cache_size('main') m, pragma_cache_size('temp') t"
    let written = try manifest.write { db in try Row.fetchOne(db, sql: query) }
    let read = try manifest.read { db in try Row.fetchOne(db, sql: query) }
    let readOnly = try Manifest.readOnly(path: manifest.path) { db in
      try Row.fetchOne(db, sql: query)
    }
    for row in [written, read, readOnly] {
      #expect(row?[0] == -1024)
      #expect(row?[1] == -1024)
    }
  }

  /// `status` and the report find each folder's last batch through an index, one
  /// lookup per folder: scanning the batches once per batch took minutes on a
  /// manifest of 100,000 batches.
  @Test func eachFoldersLastBatchIsFoundThroughTheIndex() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try Manifest(path: scratch.file("manifest.sqlite"))
    let plan = try manifest.read { db in
      try Row.fetchAll(
        db,
        sql: "EXPLAIN QUERY PLAN SELECT b.id FROM batch b WHERE \(Manifest.lastBatchOfEachFolder)"
      ).map { $0["detail"] as String }
    }
    #expect(plan.contains { $0.contains("INDEX batchByFolder (folder=?)") }, "\(plan)")
    #expect(plan.contains("SEARCH b USING INTEGER PRIMARY KEY (rowid=?)"), "\(plan)")
    #expect(!plan.contains { $0 == "SCAN b" }, "\(plan)")
  }

  /// A batch's commit is what makes its outputs final (the batch protocol): it must
  /// be on disk before they are published, not at the next checkpoint.
  @Test func theWriterSyncsEveryCommit() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try Manifest(path: scratch.file("manifest.sqlite"))
    let level = try manifest.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
    #expect(level == 2)  // FULL
    let journal = try manifest.write { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    #expect(journal == "wal")
  }

  /// A new manifest has 8 KiB pages, in WAL mode all the same; one created with
  /// 4 KiB pages keeps them and opens as before.
  @Test func aNewManifestHasPagesOf8KiB() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try Manifest(path: scratch.file("manifest.sqlite"))
    #expect(try manifest.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 8192)
    let older = scratch.file("older.sqlite")
    let queue = try DatabaseQueue(path: older)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; VACUUM")
    }
    try queue.close()
    let reopened = try Manifest(path: older)
    #expect(try reopened.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 4096)
    #expect(
      try reopened.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM batch") } == 0)
  }
}
