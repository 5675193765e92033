import Foundation
import GRDB
import PasserelleCore
import Testing

@testable import PasserelleManifest

/// A first export of its kind writes each record as its row is staged, and keeps
/// only rows without a record in the staging table (`WrittenRecords`). Whatever
/// its repeats, rejected rows and withdrawals, the outcome must be that of staging
/// every row then copying the records at commit, the path of any later export: the
/// same export is staged into an empty manifest and into one holding a single
/// unrelated record of the resource.
@Suite struct WrittenRecordsTests {
  private enum RowState { case sent, rejected }

  private struct ExportRow {
    var code: String
    var line: Int
    var state: RowState
    /// An operation sent earlier is withdrawn after this row is staged.
    var withdraws: Int? = nil
  }

  /// What staging an export gave, row by row, then the records it left.
  private struct Outcome: Equatable {
    var repeats: [String] = []
    var records: [String] = []
  }

  @Test func aFirstExportStagesAsAnyOther() throws {
    let seed = TestSeed.draw(for: "aFirstExportStagesAsAnyOther")
    var random = SeededGenerator(seed: seed)
    let scratch = try TestFiles.scratch()
    var repeats = 0
    for round in 0..<24 {
      let export = randomExport(&random)
      let first = try stage(export, into: Manifest(path: scratch.file("first-\(round).sqlite")))
      let later = try stage(export, into: seededManifest(scratch.file("later-\(round).sqlite")))
      #expect(first == later, "round \(round), seed \(seed)")
      repeats += first.repeats.filter { $0 != "-" }.count
    }
    #expect(repeats > 24, "seed \(seed)")
  }

  /// A code sent three times, then rejected: each repeat names the first row, the
  /// first repeat only says so, and no record is left for the code.
  @Test func aCodeSentThenRepeatedLeavesNoRecord() throws {
    let scratch = try TestFiles.scratch()
    let export = [
      ExportRow(code: "C0001", line: 2, state: .sent),
      ExportRow(code: "C0002", line: 3, state: .sent),
      ExportRow(code: "C0001", line: 4, state: .sent),
      ExportRow(code: "C0001", line: 5, state: .sent),
      ExportRow(code: "C0001", line: 6, state: .rejected),
    ]
    let outcome = try stage(export, into: Manifest(path: scratch.file("manifest.sqlite")))
    #expect(outcome.repeats == ["-", "-", "2 true 0 100", "2 false 0 100", "2 false 0 100"])
    #expect(outcome.records == ["C0002 op1"])
  }

  /// Rows noted past a gap in ordinals, in the file and in the block being filled:
  /// each is taken once, whole (long code, no fingerprint, no main contact), by
  /// ordinal or by operation; an ordinal noted out of order is refused.
  @Test func aWrittenRowIsTakenOnceWholeFromWhereverItIs() throws {
    let scratch = try TestFiles.scratch()
    let queue = try DatabaseQueue(path: scratch.file("manifest.sqlite"))
    try queue.write { db in
      let written = try WrittenRecords(db: db)
      let long = String(repeating: "Ü", count: 300)
      for ordinal in [5, 7] + Array(8..<140) {
        try written.note(
          ordinal: ordinal,
          .init(
            code: ordinal == 7 ? long : "C\(ordinal)", line: ordinal + 1, operation: ordinal % 3,
            fingerprint: ordinal == 7 ? nil : .of("f\(ordinal)"), companion: ordinal == 7 ? nil : 9)
        )
      }
      #expect(try written.take(ordinal: 6) == nil)
      #expect(try written.take(ordinal: 4) == nil)
      let seventh = try #require(try written.take(ordinal: 7))
      #expect(seventh.code == long && seventh.line == 8 && seventh.operation == 1)
      #expect(seventh.fingerprint == nil && seventh.companion == nil)
      #expect(try written.take(ordinal: 7) == nil)
      let pending = try #require(try written.take(ordinal: 139))
      #expect(
        pending.code == "C139" && pending.fingerprint == .of("f139") && pending.companion == 9)
      let byOperation = try written.take(operation: 1).map(\.code)
      #expect(byOperation == (8..<139).filter { $0 % 3 == 1 }.map { "C\($0)" })
      #expect(try written.take(operation: 1).isEmpty)
      #expect(throws: DatabaseError.self) {
        try written.note(ordinal: 100, .init(code: "X", line: 1, operation: 0))
      }
      try written.clear()
      #expect(try written.take(ordinal: 8) == nil)
    }
  }

  /// Codes sent once, then some of them again, the first rows of which were
  /// noted in blocks, in the block being filled or alone: each repeat names the
  /// row that came first.
  @Test func aRepeatFindsItsFirstRowWhereverItWasNoted() throws {
    let scratch = try TestFiles.scratch()
    var export = (1...200).map {
      ExportRow(code: String(format: "C%04d", $0), line: $0 + 1, state: .sent)
    }
    for (offset, code) in [1, 64, 65, 128, 129, 200].enumerated() {
      export.append(
        ExportRow(code: String(format: "C%04d", code), line: 300 + offset, state: .sent))
    }
    let outcome = try stage(export, into: Manifest(path: scratch.file("manifest.sqlite")))
    #expect(
      outcome.repeats.suffix(6) == [
        "2 true 0 100", "65 true 63 163", "66 true 64 164", "129 true 127 227",
        "130 true 128 228", "201 true 199 299",
      ])
    #expect(outcome.repeats.prefix(200).allSatisfy { $0 == "-" })
    #expect(outcome.records.count == 194)
  }

  /// A repeat of the first row still in memory leaves a hole in the block, which
  /// is then written row by row; repeats of rows written that way, and of the row
  /// before the hole, find theirs. Numbers stay unique, with none given to a repeat.
  @Test func aRepeatFindsItsFirstRowAroundAHoleInTheBlock() throws {
    let scratch = try TestFiles.scratch()
    func sent(_ code: Int, line: Int) -> ExportRow {
      ExportRow(code: String(format: "C%04d", code), line: line, state: .sent)
    }
    var export = (1...70).map { sent($0, line: $0 + 1) }
    export.append(sent(65, line: 200))
    export += (71...130).map { sent($0, line: $0 + 1) }
    export += [sent(66, line: 201), sent(128, line: 202), sent(64, line: 203)]
    let manifest = try Manifest(path: scratch.file("manifest.sqlite"))
    let outcome = try stage(export, into: manifest)
    // Code n is on line n + 1; its operation is n - 1 up to code 70, n after it.
    #expect(
      outcome.repeats.filter { $0 != "-" } == [
        "66 true 64 164", "67 true 65 165", "129 true 128 228", "65 true 63 163",
      ])
    #expect(outcome.records.count == 130 - 4)
    let numbers = try manifest.read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT COUNT(DISTINCT ordinal), MAX(ordinal),
            (SELECT next FROM recordOrdinal WHERE resource = 'accounts')
          FROM record WHERE resource = 'accounts'
          """)!
    }
    #expect(numbers[0] as Int == 130 - 4)
    #expect(numbers[1] as Int == 130)
    #expect(numbers[2] as Int == 131)
  }

  /// A row sent then withdrawn stays a row of the file: its code, found again,
  /// is a repeat without an operation to take back.
  @Test func aWithdrawnRowIsStillARowOfTheFile() throws {
    let scratch = try TestFiles.scratch()
    let export = [
      ExportRow(code: "C0001", line: 2, state: .sent, withdraws: 0),
      ExportRow(code: "C0001", line: 3, state: .sent),
    ]
    let outcome = try stage(export, into: Manifest(path: scratch.file("manifest.sqlite")))
    #expect(outcome.repeats == ["-", "2 true -1 100"])
    #expect(outcome.records.isEmpty)
  }

  /// One record of the resource, which no export here lists: staging then takes
  /// the path of a later export.
  private func seededManifest(_ path: String) throws -> Manifest {
    let manifest = try Manifest(path: path)
    try manifest.transaction { db in
      let staging = try RecordStaging(
        db: db, resource: "accounts", kind: "customer", batch: "seed")
      _ = try staging.stage(
        code: "Z9999", line: 2, operation: 0, fingerprint: .of("Z9999"), known: nil)
      try staging.commit(deletions: 0)
    }
    return manifest
  }

  /// 150 codes, mostly once, some twice or three times; about one row in eight rejected;
  /// now and then an operation sent earlier withdrawn.
  private func randomExport(_ random: inout SeededGenerator) -> [ExportRow] {
    // More codes than `WrittenRecords` keeps in memory: repeats meet rows on both sides.
    var codes = (1...150).map { String(format: "C%04d", $0) }
    for _ in 0..<Int.random(in: 0...20, using: &random) {
      codes.insert(
        codes.randomElement(using: &random)!, at: Int.random(in: 0...codes.count, using: &random))
    }
    var sent = 0
    return codes.enumerated().map { index, code in
      let state: RowState = Int.random(in: 0..<8, using: &random) == 0 ? .rejected : .sent
      var row = ExportRow(code: code, line: index + 2, state: state)
      if state == .sent { sent += 1 }
      if sent > 0, Int.random(in: 0..<50, using: &random) == 0 {
        row.withdraws = Int.random(in: 0..<sent, using: &random)
      }
      return row
    }
  }

  /// Stages `export` as a full export of accounts: a sent row gets the next
  /// operation, and its main contact the operation 100 above.
  private func stage(_ export: [ExportRow], into manifest: Manifest) throws -> Outcome {
    var outcome = Outcome()
    try manifest.transaction { db in
      let staging = try RecordStaging(
        db: db, resource: "accounts", kind: "customer", batch: "export")
      var operations = 0
      for row in export {
        var operation: Int? = nil
        if row.state == .sent {
          operation = operations
          operations += 1
        }
        let repeated = try staging.stage(
          code: row.code, line: row.line, operation: operation,
          fingerprint: operation.map { .of("op\($0)") }, known: nil,
          companion: operation.map { $0 + 100 })
        outcome.repeats.append(
          repeated.map {
            "\($0.firstLine) \($0.isFirstRepeat) \($0.firstOperation ?? -1) \($0.firstCompanion ?? -1)"
          } ?? "-")
        if let withdrawn = row.withdraws { try staging.withdraw(operation: withdrawn) }
      }
      try staging.commit(deletions: 0)
    }
    // Each record is named by its code and the operation whose fingerprint it holds.
    let operationOf = Dictionary(
      uniqueKeysWithValues: (0..<export.count).map { (Fingerprint.of("op\($0)"), "op\($0)") })
    outcome.records = try manifest.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT code, fingerprint FROM record
          WHERE resource = 'accounts' AND code <> 'Z9999' ORDER BY code
          """
      ).map { row in
        let fingerprint = (row[1] as Data?).flatMap { Fingerprint($0) }
        return "\(row[0] as String) \(fingerprint.flatMap { operationOf[$0] } ?? "?")"
      }
    }
    return outcome
  }
}
