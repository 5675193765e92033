import Foundation
import GRDB
import PasserelleCore

/// The decisions on Sage records SM may already hold: adopted (which SM record,
/// and which keys agreed), held for IT (the candidates, and why), and IT's choices
/// from the reconciliation file, applied at the next delivery.
package final class ReconciliationBook: Sendable {
  let manifest: Manifest

  /// The book of the manifest `manifest`.
  package init(manifest: Manifest) { self.manifest = manifest }

  /// What IT may choose for a held record.
  package enum Choice: Sendable, Equatable {
    /// Take over this SM record.
    case adopt(Int)
    /// Create a new SM record.
    case create
    /// Keep the Sage record out of SM.
    case ignore
  }

  /// A record held for IT, as the reconciliation file lists it.
  package struct HeldRecord: Sendable {
    /// SM's resource name.
    package var resource: String
    /// The Sage code (`extId`).
    package var code: String
    /// How IT recognises it.
    package var label: String
    /// Why it is held, as written when it was held (in the language of then).
    package var reason: String
    /// The candidates (JSON, opaque here).
    package var candidates: Data
  }

  /// Holds a record for IT, its earlier choice (if any) forgotten. A record held
  /// again as it was (every delivery plans it anew) is left as it stands.
  package func hold(
    resource: String, code: String, label: String, reason: String, candidates: Data,
    at date: Date
  ) throws {
    try manifest.write { db in
      try db.execute(
        sql: """
          INSERT INTO reconciliation(resource, code, state, label, reason, candidates, updatedAt)
          VALUES (?, ?, 'held', ?, ?, ?, ?)
          ON CONFLICT(resource, code) DO UPDATE SET state = 'held', label = excluded.label,
            reason = excluded.reason, candidates = excluded.candidates, smId = NULL,
            evidence = NULL, decision = NULL, decisionId = NULL, updatedAt = excluded.updatedAt
          WHERE state <> 'held' OR label IS NOT excluded.label OR reason IS NOT excluded.reason
            OR candidates IS NOT excluded.candidates
          """,
        arguments: [resource, code, label, reason, candidates, Timestamp.iso(date)])
    }
  }

  /// A Sage record that took over an SM record typed by hand.
  package struct Adoption: Sendable {
    /// SM's resource name.
    package var resource: String
    /// The Sage code (`extId`).
    package var code: String
    /// How IT recognises it.
    package var label: String
    /// The SM record taken over.
    package var smId: Int
    /// The keys that agreed, comma-separated; empty when IT chose the record.
    package var evidence: String

    /// An adoption as recorded.
    package init(resource: String, code: String, label: String, smId: Int, evidence: String) {
      self.resource = resource
      self.code = code
      self.label = label
      self.smId = smId
      self.evidence = evidence
    }
  }

  /// Records adoptions SM confirmed, and why, in one transaction: the SM records
  /// have Sage's codes now and are no longer candidates.
  package func adopted(_ adoptions: [Adoption], at date: Date) throws {
    guard !adoptions.isEmpty else { return }
    try manifest.write { db in
      let statement = try db.makeStatement(
        sql: """
          INSERT OR REPLACE INTO reconciliation(resource, code, state, label, smId, evidence,
            updatedAt) VALUES (?, ?, 'adopted', ?, ?, ?, ?)
          """)
      for adoption in adoptions {
        try statement.execute(arguments: [
          adoption.resource, adoption.code, adoption.label, adoption.smId, adoption.evidence,
          Timestamp.iso(date),
        ])
        try CandidateBook.forget(db, adoption.resource, adoption.smId)
      }
    }
  }

  /// Records IT's choice for a held record; false when no record of that code is held.
  package func decide(resource: String, code: String, _ choice: Choice, at date: Date) throws
    -> Bool
  {
    let (decision, id): (String, Int?) =
      switch choice {
      case .adopt(let id): ("adopt", id)
      case .create: ("create", nil)
      case .ignore: ("ignore", nil)
      }
    return try manifest.write { db in
      try db.execute(
        sql: """
          UPDATE reconciliation SET state = 'decided', decision = ?, decisionId = ?,
            updatedAt = ? WHERE resource = ? AND code = ? AND state IN ('held', 'decided')
          """, arguments: [decision, id, Timestamp.iso(date), resource, code])
      return db.changesCount > 0
    }
  }

  /// The held code of `resource` that `typed` stands for once Excel dropped its
  /// leading zeros (`00123` saved as `123`): the only held code of digits equal to
  /// it as a number; nil when none or several.
  package func heldCode(resource: String, digitsLike typed: String) throws -> String? {
    guard !typed.isEmpty, typed.allSatisfy(\.isASCII), typed.allSatisfy(\.isNumber) else {
      return nil
    }
    let trimmed = String(typed.drop { $0 == "0" })
    let codes = try manifest.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT code FROM reconciliation WHERE resource = ? AND state IN ('held', 'decided')
            AND code GLOB '0*' AND ltrim(code, '0') = ? AND code NOT GLOB '*[^0-9]*'
          LIMIT 2
          """, arguments: [resource, trimmed])
    }
    return codes.count == 1 ? codes[0] : nil
  }

  /// IT's choice for a record, when one waits to be applied (or, for `ignore`, holds).
  package func choice(resource: String, code: String) throws -> Choice? {
    try manifest.read { db in
      guard
        let row = try Row.fetchOne(
          db.cachedStatement(
            sql: """
              SELECT decision, decisionId FROM reconciliation
              WHERE resource = ? AND code = ? AND state = 'decided'
              """), arguments: [resource, code])
      else { return nil }
      switch row[0] as String? {
      case "adopt": return (row[1] as Int?).map(Choice.adopt)
      case "create": return .create
      case "ignore": return .ignore
      default: return nil
      }
    }
  }

  /// Forgets the cases of records SM now has (created or updated), in one
  /// transaction: they wait for IT no more.
  package func settle(_ records: [(resource: String, code: String)]) throws {
    guard !records.isEmpty else { return }
    try manifest.write { db in
      let statement = try db.makeStatement(
        sql: "DELETE FROM reconciliation WHERE resource = ? AND code = ? AND state <> 'adopted'")
      for record in records { try statement.execute(arguments: [record.resource, record.code]) }
    }
  }

  /// Whether `code` took over a record typed in SM.
  package func wasAdopted(resource: String, code: String) throws -> Bool {
    try manifest.read { db in
      try Bool.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT EXISTS (SELECT 1 FROM reconciliation
              WHERE resource = ? AND code = ? AND state = 'adopted')
            """), arguments: [resource, code]) ?? false
    }
  }

  /// Every held record, by resource then code, a page at a time.
  package func forEachHeld(_ body: (HeldRecord) throws -> Void) throws {
    var after = ("", "")
    while true {
      let page = try manifest.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT resource, code, label, reason, candidates FROM reconciliation
            WHERE state = 'held' AND (resource, code) > (?, ?) ORDER BY resource, code LIMIT 500
            """, arguments: [after.0, after.1]
        ).map {
          HeldRecord(
            resource: $0[0], code: $0[1], label: $0[2], reason: $0[3] ?? "",
            candidates: $0[4] ?? Data())
        }
      }
      guard let last = page.last else { return }
      for record in page { try body(record) }
      after = (last.resource, last.code)
    }
  }
}
