import Foundation
import GRDB
import PasserelleCore
import Testing

@testable import PasserelleManifest

/// Rows that staging would only mark as seen are noted by their record's ordinal
/// instead of being staged (`SeenRecords`). Whatever the export's order, repeats
/// and deletions, the outcome must be that of staging every row: the same export is
/// staged into two copies of a manifest, one whose records have their ordinals and
/// one whose records have none (as if written before ordinals were given: such
/// records are always staged).
@Suite struct SeenRecordsTests {
  private static let knownCodes = 300

  private enum RowState { case unchanged, changed, rejected }

  private struct ExportRow {
    var code: String
    var line: Int
    var state: RowState
  }

  /// What staging an export gave, row by row, then at its end.
  private struct Outcome: Equatable {
    var repeats: [String] = []
    var candidates = ""
    var count = ""
    var deleted: [String] = []
    var records: [String] = []
  }

  @Test func stagingFewerRowsChangesNothing() throws {
    let seed = TestSeed.draw(for: "stagingFewerRowsChangesNothing")
    var random = SeededGenerator(seed: seed)
    let scratch = try TestFiles.scratch()
    var staged = (withOrdinals: 0, without: 0)
    for round in 0..<24 {
      let export = randomExport(&random)
      let numbered = try seededManifest(scratch.file("numbered-\(round).sqlite"))
      let plain = try seededManifest(scratch.file("plain-\(round).sqlite"))
      try plain.write { db in try db.execute(sql: "UPDATE record SET ordinal = NULL") }
      let listedNumbered = try copy(numbered, to: scratch.file("listed-numbered-\(round).sqlite"))
      let listedPlain = try copy(plain, to: scratch.file("listed-plain-\(round).sqlite"))
      let skipping = try stage(export, into: numbered)
      let staging = try stage(export, into: plain)
      #expect(skipping.outcome == staging.outcome, "round \(round), seed \(seed)")
      // The records listed beside the mapping (`RecordCensus`) find the same deletions.
      let listed = try stage(export, into: listedNumbered, findsMissing: true)
      #expect(listed.outcome == staging.outcome, "round \(round), seed \(seed)")
      let listedUnnumbered = try stage(export, into: listedPlain, findsMissing: true)
      #expect(listedUnnumbered.outcome == staging.outcome, "round \(round), seed \(seed)")
      staged.withOrdinals += skipping.staged
      staged.without += staging.staged
    }
    // Unchanged rows make most of each export: most were not staged.
    #expect(staged.withOrdinals * 2 < staged.without, "\(staged), seed \(seed)")
  }

  /// A code listed twice, its first row unchanged (not staged): both rows are
  /// reported, each with the other's line, as when every row was staged.
  @Test func aRepeatOfARowNotStagedNamesItsLine() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try seededManifest(scratch.file("manifest.sqlite"))
    var export = (1...Self.knownCodes).map {
      ExportRow(code: code($0), line: $0 + 1, state: .unchanged)
    }
    export.append(ExportRow(code: code(100), line: 400, state: .unchanged))
    export.append(ExportRow(code: code(100), line: 401, state: .changed))
    let result = try stage(export, into: manifest)
    #expect(result.outcome.repeats.suffix(2) == ["101 true -1", "101 false -1"])
    #expect(result.outcome.repeats.dropLast(2).allSatisfy { $0 == "-" })
    #expect(result.outcome.deleted.isEmpty)
    // The six rows of records deleted, of another kind or awaiting Sage, and the
    // first row of C0100 once its code came again.
    #expect(result.staged == 7)
  }

  /// An unchanged row, the same code rejected (staged without its record), then
  /// unchanged again: the repeat is caught twice, named at the first row's line.
  @Test func aRejectedRepeatOfARowNotStagedIsCaught() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try seededManifest(scratch.file("manifest.sqlite"))
    let export = [
      ExportRow(code: code(5), line: 6, state: .unchanged),
      ExportRow(code: code(5), line: 7, state: .rejected),
      ExportRow(code: code(5), line: 8, state: .unchanged),
    ]
    let result = try stage(export, into: manifest)
    #expect(result.outcome.repeats == ["-", "6 true -1", "6 false -1"])
  }

  /// New records are numbered after the others, with no number spent on a record
  /// that has one; numbers stay unique within the resource.
  @Test func newRecordsTakeTheNextNumbers() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try seededManifest(scratch.file("manifest.sqlite"))
    let export = (1...Self.knownCodes + 20).map {
      // A new code is always sent.
      ExportRow(
        code: code($0), line: $0 + 1,
        state: $0 > Self.knownCodes || $0 % 3 == 0 ? .changed : .unchanged)
    }
    _ = try stage(export, into: manifest)
    let (numbers, distinct, highest, next) = try manifest.read { db in
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT COUNT(ordinal), COUNT(DISTINCT ordinal), MAX(ordinal),
            (SELECT next FROM recordOrdinal WHERE resource = 'accounts')
          FROM record WHERE resource = 'accounts'
          """)!
      return (row[0] as Int, row[1] as Int, row[2] as Int, row[3] as Int)
    }
    #expect(numbers == Self.knownCodes + 20)
    #expect(distinct == numbers)
    #expect(highest == Self.knownCodes + 20)
    #expect(next == highest + 1)
  }

  /// The commit writes records in code order, but new ones are numbered in file
  /// order: here the file lists them from the highest code down, between changed
  /// and deleted records.
  @Test func newRecordsAreNumberedInFileOrder() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try seededManifest(scratch.file("manifest.sqlite"))
    let known = (1...Self.knownCodes).filter { $0 % 7 != 0 }.map {
      ExportRow(code: code($0), line: 0, state: $0 % 5 == 0 ? .changed : .unchanged)
    }
    let new = (Self.knownCodes + 1...Self.knownCodes + 10).reversed().map {
      ExportRow(code: code($0), line: 0, state: .changed)
    }
    var export = Array(known.prefix(100)) + new + Array(known.dropFirst(100))
    for index in export.indices { export[index].line = index + 2 }
    let result = try stage(export, into: manifest)
    #expect(!result.outcome.deleted.isEmpty)
    // The same pass marks the records the file no longer lists.
    let marked = try manifest.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT code FROM record
          WHERE resource = 'accounts' AND deleted = 1 AND lastBatch = 'again' ORDER BY code
          """)
    }
    #expect(marked == result.outcome.deleted.sorted())
    let numbers = try manifest.read { db in
      try Int.fetchAll(
        db,
        sql: """
          SELECT ordinal FROM record WHERE resource = 'accounts' AND code IN (\(
            new.map { "'\($0.code)'" }.joined(separator: ", ")))
          ORDER BY code DESC
          """)
    }
    #expect(numbers == Array(Self.knownCodes + 1...Self.knownCodes + 10))
  }

  /// A new code listed twice is not written (both rows are rejected), and the
  /// number its first row was given stays unused: the numbers written stay unique,
  /// in file order, and the next to give comes after every one given.
  @Test func aRepeatedNewCodeLeavesNumbersUnique() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try seededManifest(scratch.file("manifest.sqlite"))
    var export = (1...Self.knownCodes).map {
      ExportRow(code: code($0), line: $0 + 1, state: .unchanged)
    }
    for index in [1, 2, 1, 3] {
      export.append(
        ExportRow(code: code(Self.knownCodes + index), line: export.count + 2, state: .changed))
    }
    _ = try stage(export, into: manifest)
    let (numbers, next) = try manifest.read { db in
      (
        try Int?.fetchAll(
          db,
          sql: """
            SELECT (SELECT ordinal FROM record WHERE resource = 'accounts' AND code = c)
            FROM (SELECT ? AS c UNION ALL SELECT ? UNION ALL SELECT ?)
            """,
          arguments: [
            code(Self.knownCodes + 1), code(Self.knownCodes + 2), code(Self.knownCodes + 3),
          ]
        ),
        try Int.fetchOne(db, sql: "SELECT next FROM recordOrdinal WHERE resource = 'accounts'")!
      )
    }
    #expect(numbers[0] == nil)
    let (second, third) = (numbers[1]!, numbers[2]!)
    #expect(second > Self.knownCodes && third > second && next > third)
  }

  /// Existing manifests number their records once, in code order, per resource.
  @Test func theMigrationNumbersExistingRecords() throws {
    let queue = try DatabaseQueue()
    try Manifest.migrator.migrate(queue, upTo: "v8")
    try queue.write { db in
      for (resource, code) in [("accounts", "B"), ("accounts", "A"), ("contacts", "Z")] {
        try db.execute(
          sql: """
            INSERT INTO record(resource, code, kind, origin, owner, firstBatch, lastBatch)
            VALUES (?, ?, 'customer', 'sage', 'sage', 'b', 'b')
            """, arguments: [resource, code])
      }
    }
    try Manifest.migrator.migrate(queue)
    let numbered = try queue.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT resource || ' ' || code || ' ' || ordinal FROM record
          UNION ALL SELECT resource || ' next ' || next FROM recordOrdinal
          ORDER BY 1
          """)
    }
    #expect(
      numbered == [
        "accounts A 1", "accounts B 2", "accounts next 3", "contacts Z 1", "contacts next 2",
      ])
  }

  /// Candidates filed with the keys before identifiers were checked are dropped,
  /// with their listing's watermark, so that the next push lists them again.
  @Test func candidatesFiledWithEarlierKeysAreListedAgain() throws {
    let queue = try DatabaseQueue()
    try Manifest.migrator.migrate(queue, upTo: "v9")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO smCandidate(resource, smId, keys, label) VALUES ('accounts', 1, X'7B7D', 'x');
          INSERT INTO smCandidateKey(resource, lookup, smId) VALUES ('accounts', 'siren:1', 1);
          INSERT INTO candidateWatermark(resource, since) VALUES ('accounts', '2026-12-01T00:00:00Z');
          """)
    }
    try Manifest.migrator.migrate(queue)
    let left = try queue.read { db in
      try Int.fetchOne(
        db,
        sql: """
          SELECT (SELECT COUNT(*) FROM smCandidate) + (SELECT COUNT(*) FROM smCandidateKey)
            + (SELECT COUNT(*) FROM candidateWatermark)
          """)
    }
    #expect(left == 0)
  }

  /// Records C0001…C0300 written by a first export; then some deleted, some of
  /// another kind, one created in SM and awaiting Sage.
  private func seededManifest(_ path: String) throws -> Manifest {
    let manifest = try Manifest(path: path)
    try manifest.transaction { db in
      let staging = try RecordStaging(
        db: db, resource: "accounts", kind: "customer", batch: "first")
      for index in 1...Self.knownCodes {
        _ = try staging.stage(
          code: code(index), line: index + 1, operation: index, fingerprint: digest(index),
          known: nil, rowFingerprint: digest(-index))
      }
      try staging.commit(deletions: 0)
    }
    try manifest.write { db in
      try db.execute(
        sql: """
          UPDATE record SET deleted = 1 WHERE code IN ('C0010', 'C0011', 'C0150');
          UPDATE record SET kind = 'prospect' WHERE code IN ('C0020', 'C0200');
          UPDATE record SET awaitingSage = 1 WHERE code = 'C0030';
          """)
    }
    return manifest
  }

  /// A copy of `manifest` at `path`, opened.
  private func copy(_ manifest: Manifest, to path: String) throws -> Manifest {
    try manifest.database.writeWithoutTransaction { db in
      try db.execute(sql: "VACUUM INTO ?", arguments: [path])
    }
    return try Manifest(path: path)
  }

  /// Most codes known, a few new, about one in twenty gone; in order, shuffled or
  /// reversed; a few listed again; lines mostly consecutive.
  private func randomExport(_ random: inout SeededGenerator) -> [ExportRow] {
    var codes = (1...Self.knownCodes + 20).map(code)
    codes.removeAll { _ in Int.random(in: 0..<20, using: &random) == 0 }
    switch Int.random(in: 0..<3, using: &random) {
    case 0: break
    case 1: codes.shuffle(using: &random)
    default: codes.reverse()
    }
    for _ in 0..<Int.random(in: 0...8, using: &random) {
      codes.insert(
        codes.randomElement(using: &random)!, at: Int.random(in: 0...codes.count, using: &random))
    }
    var line = 1
    return codes.map { code in
      line += Int.random(in: 0..<10, using: &random) == 0 ? 2 : 1
      let draw = Int.random(in: 0..<100, using: &random)
      return ExportRow(
        code: code, line: line, state: draw < 80 ? .unchanged : draw < 92 ? .changed : .rejected)
    }
  }

  /// Stages `export` as a second full export; the outcome, and how many rows the
  /// staging table held.
  private func stage(
    _ export: [ExportRow], into manifest: Manifest, findsMissing: Bool = false
  ) throws -> (outcome: Outcome, staged: Int) {
    var outcome = Outcome()
    var staged = 0
    try manifest.transaction { db in
      let staging = try RecordStaging(
        db: db, resource: "accounts", kind: "customer", batch: "again",
        findsMissing: findsMissing)
      var operations = 0
      for row in export {
        let known = try staging.known(row.code)
        var operation: Int? = nil
        var fingerprint: Fingerprint? = known?.fingerprint ?? digest(0)
        var rowFingerprint = known?.rowFingerprint
        switch row.state {
        case .unchanged: break
        case .changed:
          operation = operations
          operations += 1
          fingerprint = digest(1_000 + row.line)
          rowFingerprint = digest(-1_000 - row.line)
        case .rejected:
          fingerprint = nil
          rowFingerprint = nil
        }
        // A rejected document is staged without looking its record up.
        let repeated = try staging.stage(
          code: row.code, line: row.line, operation: operation, fingerprint: fingerprint,
          known: row.state == .rejected ? nil : known, rowFingerprint: rowFingerprint)
        outcome.repeats.append(
          repeated.map { "\($0.firstLine) \($0.isFirstRepeat) \($0.firstOperation ?? -1)" } ?? "-")
      }
      staged = try Int.fetchOne(db.db, sql: "SELECT COUNT(*) FROM temp.stagedKey") ?? 0
      outcome.candidates = "\(try staging.deletionCandidates())"
      outcome.count = "\(try staging.deletionCount())"
      try staging.forEachDeletion { code, _, _ in outcome.deleted.append(code) }
      try staging.commit(deletions: outcome.deleted.count)
    }
    outcome.records = try manifest.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT code || ' ' || kind || ' ' || deleted || ' ' || hex(fingerprint) || ' '
            || hex(rowFingerprint) || ' ' || lastBatch FROM record ORDER BY code
          """)
    }
    return (outcome, staged)
  }

  private func code(_ index: Int) -> String {
    "C" + String(repeating: "0", count: max(0, 4 - String(index).count)) + String(index)
  }

  private func digest(_ value: Int) -> Fingerprint {
    .of(String(value))
  }
}

/// The lines of skipped rows, kept by ordinal: in the block being filled, in the
/// scratch file, in order or not, across blocks.
@Suite struct SeenRecordsLineTests {
  @Test func aSkippedRowsLineIsToldWhereverItIsKept() throws {
    let scratch = try TestFiles.scratch()
    let manifest = try Manifest(path: scratch.file("manifest.sqlite"))
    try manifest.transaction { transaction in
      let seen = SeenRecords(db: transaction.db)
      // Three blocks and more of consecutive ordinals, then others out of order.
      for ordinal in 1...1_300 { try seen.skip(ordinal, line: ordinal + 1) }
      for ordinal in [5_000, 2_000, 2_001, 4_000] { try seen.skip(ordinal, line: 10 * ordinal) }
      #expect(seen.contains(700) && seen.wasSkipped(700) && !seen.contains(1_301))
      #expect(try seen.stage(skipped: 1) == 2)
      #expect(try seen.stage(skipped: 513) == 514)
      #expect(try seen.stage(skipped: 1_300) == 1_301)
      #expect(try seen.stage(skipped: 2_001) == 20_010)
      #expect(try seen.stage(skipped: 4_000) == 40_000)
      #expect(!seen.wasSkipped(4_000) && seen.contains(4_000))
      #expect(throws: DatabaseError.self) { try seen.stage(skipped: 3_000) }
      try seen.clear()
      #expect(throws: DatabaseError.self) { try seen.stage(skipped: 700) }
      try seen.skip(700, line: 9)
      #expect(try seen.stage(skipped: 700) == 9)
    }
  }
}
