import Foundation
import GRDB
import PasserelleCore

/// SM's records typed by hand (no `extId`), kept as candidates for adoption by the
/// Sage records Passerelle would otherwise create, and filed under their match
/// keys so that a Sage record finds them without a scan. Refreshed from SM's
/// listings; a record leaves when it gets an `extId`, is deleted, or is adopted.
package final class CandidateBook: Sendable {
  let manifest: Manifest

  /// The book of the manifest `manifest`.
  package init(manifest: Manifest) { self.manifest = manifest }

  /// One candidate: SM's id, its match keys (JSON, opaque here) and its label.
  package struct Entry: Sendable {
    /// SM's id.
    package var smId: Int
    /// Its `MatchKeys`, encoded.
    package var keys: Data
    /// How IT recognises it.
    package var label: String

    /// An entry as filed.
    package init(smId: Int, keys: Data, label: String) {
      self.smId = smId
      self.keys = keys
      self.label = label
    }
  }

  /// Files `entries` (replacing what was known of them) with their lookup keys, and
  /// forgets `gone`, in one transaction.
  package func refresh(
    resource: String, entries: [(Entry, lookups: [String])], gone: [Int]
  ) throws {
    try manifest.write { db in
      for smId in gone + entries.map(\.0.smId) { try Self.forget(db, resource, smId) }
      let candidate = try db.makeStatement(
        sql: "INSERT INTO smCandidate(resource, smId, keys, label) VALUES (?, ?, ?, ?)")
      let key = try db.makeStatement(
        sql: "INSERT OR IGNORE INTO smCandidateKey(resource, lookup, smId) VALUES (?, ?, ?)")
      for (entry, lookups) in entries {
        try candidate.execute(arguments: [resource, entry.smId, entry.keys, entry.label])
        for lookup in lookups { try key.execute(arguments: [resource, lookup, entry.smId]) }
      }
    }
  }

  /// The candidates filed under any of `lookups`, each once, in id order.
  package func candidates(resource: String, lookups: [String]) throws -> [Entry] {
    guard !lookups.isEmpty else { return [] }
    return try manifest.read { db in
      let marks = Array(repeating: "?", count: lookups.count).joined(separator: ", ")
      // Asked for each record about to be created: prepared once per count of lookups.
      return try Row.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT smId, keys, label FROM smCandidate WHERE resource = ? AND smId IN (
              SELECT smId FROM smCandidateKey WHERE resource = ? AND lookup IN (\(marks)))
            ORDER BY smId
            """),
        arguments: StatementArguments([resource, resource] + lookups)
      ).map { Entry(smId: $0[0], keys: $0[1], label: $0[2]) }
    }
  }

  /// The SM time up to which `resource`'s listing was read, if ever.
  package func watermark(_ resource: String) throws -> String? {
    try manifest.read { db in
      try String.fetchOne(
        db, sql: "SELECT since FROM candidateWatermark WHERE resource = ?",
        arguments: [resource])
    }
  }

  /// Records that `resource`'s listing was read up to `since` (our clock).
  package func setWatermark(_ resource: String, to since: String) throws {
    try manifest.write { db in
      try db.execute(
        sql: "INSERT OR REPLACE INTO candidateWatermark(resource, since) VALUES (?, ?)",
        arguments: [resource, since])
    }
  }

  /// Removes a record from the candidates, within the caller's transaction.
  static func forget(_ db: Database, _ resource: String, _ smId: Int) throws {
    try db.execute(
      sql: """
        DELETE FROM smCandidate WHERE resource = ? AND smId = ?;
        DELETE FROM smCandidateKey WHERE resource = ? AND smId = ?;
        """, arguments: [resource, smId, resource, smId])
  }
}
