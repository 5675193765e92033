import Foundation
import Testing

@testable import PasserelleManifest

@Suite struct EarlyLogSyncTests {
  /// An early sync only runs ahead of SQLite's own: one that fails (no log yet, a
  /// manifest in memory) leaves the transaction to its commit.
  @Test func aLogThatCannotBeSyncedEarlyFailsNothing() throws {
    let scratch = try TestFiles.scratch()
    for path in [scratch.file("missing/manifest.sqlite"), nil] {
      let sync = EarlyLogSync(manifestPath: path)
      for _ in 0..<(2 * EarlyLogSync.step + 1) { sync.noteWrite() }
      sync.finish()
      sync.finish()
    }
  }

  /// A first export larger than a step commits as any other, its records all there.
  @Test func aFirstExportOfManyRecordsCommitsWhole() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try Manifest(path: scratch.file("manifest.sqlite"))
    let count = EarlyLogSync.step + 10
    try manifest.transaction { transaction in
      let staging = try RecordStaging(
        db: transaction, resource: "accounts", kind: "customer", batch: "b1")
      #expect(staging.isFirstOfItsKind)
      for index in 0..<count {
        let code = "C\(index)"
        #expect(
          try staging.stage(
            code: code, line: index + 2, operation: index, fingerprint: nil, known: nil) == nil)
      }
      try staging.commit(deletions: 0)
    }
    let stored = try manifest.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record WHERE resource = 'accounts'")
    }
    #expect(stored == count)
  }
}
