import Foundation
import GRDB
import PasserelleCore
import Testing

@testable import PasserelleManifest

/// The records a full export speaks for, listed on a thread of their own
/// (`RecordCensus`): the list must be what the manifest held at its last commit.
@Suite struct RecordCensusTests {
  /// Records of two kinds and two resources, some deleted, one awaiting Sage, one
  /// without an ordinal; the list holds the active records of the kind asked for,
  /// in code order, over many blocks, as the last commit left them: what the batch's
  /// own transaction writes meanwhile is not in it.
  @Test func listsTheRecordsTheExportSpeaksForAsCommitted() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try Manifest(path: scratch.file("manifest.sqlite"))
    try manifest.write { db in
      for index in 1...2_000 {
        let code = String(format: "C%05d", index)
        try db.execute(
          sql: """
            INSERT INTO record(resource, code, kind, origin, owner, firstBatch, lastBatch,
              deleted, awaitingSage, ordinal)
            VALUES ('accounts', ?, ?, 'sage', 'sage', 'b', 'b', ?, ?, ?)
            """,
          arguments: [
            code, index % 7 == 0 ? "prospect" : "customer", index % 11 == 0, index == 3,
            index == 4 ? nil : 2_001 - index,
          ])
        try db.execute(
          sql: """
            INSERT INTO record(resource, code, kind, origin, owner, firstBatch, lastBatch, ordinal)
            VALUES ('contacts', ?, 'customer', 'sage', 'sage', 'b', 'b', ?)
            """, arguments: [code, index])
      }
    }
    let expected = try manifest.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT code || ' ' || IFNULL(ordinal, '-') FROM record
          WHERE resource = 'accounts' AND kind = 'customer' AND deleted = 0 AND awaitingSage = 0
          ORDER BY code
          """)
    }
    var listed: [String] = []
    var count = 0
    try manifest.transaction { db in
      let census = try #require(
        RecordCensus(
          manifest: manifest.path, resource: "accounts", kind: "customer", blockBytes: 1_000))
      try db.db.execute(sql: "DELETE FROM record WHERE code > 'C00100'")
      let listing = try #require(census.listing())
      try listing.forEachRecord { record in
        let code = String(decoding: record.code, as: UTF8.self)
        listed.append("\(code) \(record.ordinal.map(String.init) ?? "-")")
      }
      count = listing.count
    }
    #expect(expected.count > 1_500)
    #expect(count == expected.count)
    #expect(listed == expected)
    #expect(listed.contains("C00004 -"))
  }

  /// No record of the kind: an empty list, not a failure.
  @Test func listsNothingForAKindWithoutRecords() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try Manifest(path: scratch.file("manifest.sqlite"))
    let census = try #require(
      RecordCensus(manifest: manifest.path, resource: "articles", kind: "article"))
    let listing = try #require(census.listing())
    var calls = 0
    try listing.forEachRecord { _ in calls += 1 }
    #expect(listing.count == 0)
    #expect(calls == 0)
  }

  /// A manifest that cannot be read gives no list: the staging scans instead.
  @Test func anUnreadableManifestGivesNoList() throws {
    let scratch = try TestFiles.scratch()
    let census = try #require(
      RecordCensus(
        manifest: scratch.file("missing/manifest.sqlite"), resource: "accounts",
        kind: "customer"))
    #expect(census.listing() == nil)
  }

  /// A census dropped unread (the batch failed first) waits for its thread, which
  /// closes its connection: nothing keeps the log from being emptied.
  @Test func aCensusDroppedUnreadLetsGoOfTheManifest() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try Manifest(path: scratch.file("manifest.sqlite"))
    try manifest.write { db in
      for index in 1...5_000 {
        try db.execute(
          sql: """
            INSERT INTO record(resource, code, kind, origin, owner, firstBatch, lastBatch, ordinal)
            VALUES ('accounts', ?, 'customer', 'sage', 'sage', 'b', 'b', ?)
            """, arguments: ["C\(index)", index])
      }
    }
    for _ in 0..<20 {
      _ = RecordCensus(
        manifest: manifest.path, resource: "accounts", kind: "customer", blockBytes: 100)
    }
    // The threads' read transactions are over: a checkpoint can take the whole log.
    try manifest.database.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
    }
    let size = try FileManager.default.attributesOfItem(atPath: manifest.path + "-wal")[.size]
    #expect(size as? Int == 0)
  }
}
