import Foundation
import GRDB
import PasserelleCore
import Testing

@testable import PasserelleManifest

/// A mapping thread's lookups (`ManifestSnapshot`) follow a cursor in code order
/// (`RecordCursor`): whatever order the codes come in, each must find exactly the
/// record a lookup by key finds, and nothing for a code the resource lacks.
@Suite struct ManifestSnapshotTests {
  /// Codes of the looked-up resource: an empty one, lengths that are prefixes of
  /// one another, accents (their bytes sort after every ASCII letter), lowercase
  /// after uppercase, and a run of numbered codes with gaps.
  private static let accounts =
    ["", "A", "A1", "AB", "B", "Z", "a", "É1", "ÉCOLE", "ÉCOLE2"]
    + stride(from: 1, through: 400, by: 1).filter { $0 % 7 != 0 }.map(numbered)

  /// Another resource's codes, some equal to the first's: never found under it.
  private static let contacts = ["A0", "AA", "C0007", "C0401", "C0005", "zz"]

  private static func numbered(_ index: Int) -> String {
    "C" + String(repeating: "0", count: max(0, 4 - String(index).count)) + String(index)
  }

  /// Codes the resource lacks: before its first, between two, among the other
  /// resource's, and after its last ("ÿ" sorts after every code above).
  private static let absent = [
    "0", "A0", "AA", "C0000", "C0007", "C0401", "C9999", "Y", "b", "zz", "É", "ÉCOLE1",
    "ÉCOLE3", "ÿ",
  ]

  @Test func everyOrderFindsExactlyTheWrittenRecords() throws {
    let seed = TestSeed.draw(for: "everyOrderFindsExactlyTheWrittenRecords")
    var random = SeededGenerator(seed: seed)
    let scratch = try TestFiles.scratch()
    let path = scratch.file("manifest.sqlite")
    try writeRecords(path)
    for round in 0..<12 {
      let codes = lookups(absent: Self.absent, round: round, &random)
      let snapshot = try #require(ManifestSnapshot(path: path))
      for code in codes {
        #expect(
          found(code, in: snapshot) == expected(code), "\(code), round \(round), seed \(seed)")
      }
    }
  }

  /// Each way the cursor moves, in one sequence: the same code again, a few records
  /// ahead, many ahead, behind, a code it passes over then the record it stopped
  /// on, past the last record, again, then back to the first.
  @Test func eachMoveOfTheCursorFindsTheRightRecord() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("manifest.sqlite")
    try writeRecords(path)
    let snapshot = try #require(ManifestSnapshot(path: path))
    let sequence = [
      "A", "A", "B", "C0001", "C0050", "C0002", "C0006", "C0007", "C0008", "ÉCOLE2", "ÿ", "ÿ",
      "ÉCOLE2", "ÉCOLE3", "", "A",
    ]
    for code in sequence {
      #expect(found(code, in: snapshot) == expected(code), "\(code)")
    }
    #expect(sequence.filter { expected($0) == nil } == ["C0007", "ÿ", "ÿ", "ÉCOLE3"])
  }

  private func found(_ code: String, in snapshot: ManifestSnapshot) -> Fingerprint? {
    snapshot.known(resource: "accounts", code: code)?.fingerprint
  }

  private func expected(_ code: String) -> Fingerprint? {
    Self.accounts.contains(code) ? .of("account \(code)") : nil
  }

  /// The other resource, looked up through the same snapshot between the first's
  /// lookups, finds its own records.
  @Test func twoResourcesInterleavedFindTheirOwn() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("manifest.sqlite")
    try writeRecords(path)
    let snapshot = try #require(ManifestSnapshot(path: path))
    for (account, contact) in zip(Self.accounts.sorted(), Self.contacts.sorted() + ["C0001"]) {
      #expect(
        snapshot.known(resource: "accounts", code: account)?.fingerprint
          == .of("account \(account)"))
      let expected: Fingerprint? = Self.contacts.contains(contact) ? .of("contact \(contact)") : nil
      #expect(snapshot.known(resource: "contacts", code: contact)?.fingerprint == expected)
    }
  }

  /// A fingerprint is 16 bytes. A stored blob of another length (none is written)
  /// reads as none, so that the record is sent again rather than taken as unchanged.
  @Test func aStoredFingerprintOfAnotherLengthReadsAsNone() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("manifest.sqlite")
    let whole = Fingerprint.of("whole")
    try Manifest(path: path).write { db in
      for (code, blob) in [("C1", Data(repeating: 1, count: 32)), ("C2", whole.data)] {
        try db.execute(
          sql: """
            INSERT INTO record(resource, code, kind, origin, owner, fingerprint, rowFingerprint,
              firstBatch, lastBatch) VALUES ('accounts', ?, 'customer', 'sage', 'sage', ?, ?,
              'first', 'first')
            """, arguments: [code, blob, blob.prefix(15)])
      }
    }
    let snapshot = try #require(ManifestSnapshot(path: path))
    let longer = try #require(snapshot.known(resource: "accounts", code: "C1"))
    #expect(longer.fingerprint == nil && longer.rowFingerprint == nil)
    let stored = try #require(snapshot.known(resource: "accounts", code: "C2"))
    #expect(stored.fingerprint == whole && stored.rowFingerprint == nil)
  }

  /// A kind is read back as written, whether or not it is one the manifest's
  /// writers use (those are not made afresh for each record read), and a prefix or
  /// an extension of one is not taken for it; texts are read back whole.
  @Test func kindsAndTextsReadBackAsWritten() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("manifest.sqlite")
    let kinds = [
      "customer", "prospect-contact", "representative", "custome", "customers", "quote", "",
      "clientèle",
    ]
    try Manifest(path: path).write { db in
      for (index, kind) in kinds.enumerated() {
        try db.execute(
          sql: """
            INSERT INTO record(resource, code, kind, origin, owner, picture, companions,
              firstBatch, lastBatch) VALUES ('accounts', ?, ?, 'sage', 'sage', ?, ?, 'first',
              'first')
            """,
          arguments: ["K\(index)", kind, "photo été \(index).jpg", "K\(index).0a1b2c3d\nM\(index)"])
      }
    }
    let snapshot = try #require(ManifestSnapshot(path: path))
    for (index, kind) in kinds.enumerated() {
      let record = try #require(snapshot.known(resource: "accounts", code: "K\(index)"))
      #expect(record.kind == kind)
      #expect(record.picture == "photo été \(index).jpg")
      #expect(record.companions == "K\(index).0a1b2c3d\nM\(index)")
    }
  }

  /// In code order with gaps, blocks skipped as another thread would take them,
  /// shuffled, reversed; with absent codes and repeats mixed in.
  private func lookups(absent: [String], round: Int, _ random: inout SeededGenerator) -> [String] {
    var codes = Self.accounts.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    switch round % 4 {
    case 0: codes.removeAll { _ in Int.random(in: 0..<5, using: &random) == 0 }
    case 1:
      codes = stride(from: 0, to: codes.count, by: 16).flatMap { start in
        Int.random(in: 0..<2, using: &random) == 0
          ? Array(codes[start..<min(start + 16, codes.count)]) : []
      }
    case 2: codes.shuffle(using: &random)
    default: codes.reverse()
    }
    for code in absent + codes.prefix(5) {
      codes.insert(code, at: Int.random(in: 0...codes.count, using: &random))
    }
    return codes
  }

  /// Each record's fingerprint stands for its resource's name and its code, so
  /// that a lookup's answer tells which record it found.
  private func writeRecords(_ path: String) throws {
    let manifest = try Manifest(path: path)
    try manifest.write { db in
      let rows =
        Self.accounts.map { ("accounts", $0, Fingerprint.of("account \($0)").data) }
        + Self.contacts.map { ("contacts", $0, Fingerprint.of("contact \($0)").data) }
      for (resource, code, fingerprint) in rows {
        try db.execute(
          sql: """
            INSERT INTO record(resource, code, kind, origin, owner, fingerprint, firstBatch,
              lastBatch) VALUES (?, ?, 'customer', 'sage', 'sage', ?, 'first', 'first')
            """, arguments: [resource, code, fingerprint])
      }
    }
  }
}
