import Foundation
import GRDB
import PasserelleCore

/// The manifest side of records SM sends back (prospects, contacts): what is known
/// of each, the codes allocated to records created in SM, and what an import
/// changes. Runs inside the batch's transaction, so two batches never allocate the
/// same code.
package final class SharedRecordBook {
  package struct Known {
    package var code: String
    package var kind: String
    package var owner: String
    package var smId: Int?
    package var deleted: Bool
    var awaitingSage: Bool
    /// What Sage holds, by Sage label.
    package var sage: FieldSnapshot?
    /// What both sides last agreed on, by Sage label; nil when it is what Sage holds.
    package var synced: FieldSnapshot?
    /// What Sage held before its last change.
    package var previous: FieldSnapshot?
  }

  let db: Database
  let resource: String

  package init(db transaction: ManifestTransaction, resource: String) {
    let db = transaction.db
    self.db = db
    self.resource = resource
  }

  private static let columns = """
    code, kind, owner, smId, deleted, awaitingSage, fields, syncedFields, previousFields
    """

  private func known(_ row: Row?) -> Known? {
    guard let row else { return nil }
    return Known(
      code: row[0], kind: row[1], owner: row[2], smId: row[3], deleted: row[4],
      awaitingSage: row[5], sage: FieldSnapshot(encoded: row[6]),
      synced: FieldSnapshot(encoded: row[7]), previous: FieldSnapshot(encoded: row[8]))
  }

  package func find(code: String) throws -> Known? {
    try known(
      Row.fetchOne(
        db, sql: "SELECT \(Self.columns) FROM record WHERE resource = ? AND code = ?",
        arguments: [resource, code]))
  }

  /// The record SM knows by `smId`: through the id map, else a code allocated to
  /// it that SM has not taken yet.
  package func find(smId: Int) throws -> Known? {
    if let found = try known(
      Row.fetchOne(
        db,
        sql: """
          SELECT \(Self.columns) FROM record WHERE resource = ? AND smId = ?
          ORDER BY deleted LIMIT 1
          """, arguments: [resource, smId]))
    {
      return found
    }
    guard
      let code = try String.fetchOne(
        db, sql: "SELECT code FROM allocatedCode WHERE resource = ? AND smId = ? LIMIT 1",
        arguments: [resource, smId])
    else { return nil }
    return try find(code: code)
  }

  /// The Sage code allocated to a record SM knows by another id (a main contact,
  /// whose id in SM is derived from its company and name).
  package func allocated(forExtId extId: String) throws -> String? {
    try String.fetchOne(
      db, sql: "SELECT code FROM allocatedCode WHERE resource = ? AND smExtId = ? LIMIT 1",
      arguments: [resource, extId])
  }

  /// The key SM knows a Sage contact by, when it is not the key the export gives:
  /// the derived id of a main contact Sage now lists under a code of ours, or the
  /// code of ours of a contact created in SM that Sage lists without a code.
  package static func salesManagementKey(ofContact key: String, in transaction: ManifestTransaction)
    throws -> String?
  {
    let db = transaction.db
    return try String.fetchOne(
      db,
      sql: """
        SELECT smExtId FROM allocatedCode
        WHERE resource = 'contacts' AND code = ? AND smExtId IS NOT NULL
        UNION ALL
        SELECT code FROM allocatedCode WHERE resource = 'contacts' AND derivedId = ?
        LIMIT 1
        """, arguments: [key, key])
  }

  /// The next code `prefix` + counter (at least 5 digits) that no record and no
  /// earlier allocation holds. The counter only grows: a code is never reused,
  /// even for a record deleted since.
  package func allocate(
    prefix: String, smId: Int?, smExtId: String?, derivedId: String? = nil, batch: String,
    at date: Date
  ) throws -> String {
    var last =
      try Int.fetchOne(
        db, sql: "SELECT last FROM codeCounter WHERE prefix = ?", arguments: [prefix])
      ?? 0
    var code: String
    repeat {
      last += 1
      code = prefix + DecimalText.zeroPadded(last, width: 5)
    } while try Bool.fetchOne(
      db,
      sql: """
        SELECT EXISTS (SELECT 1 FROM record WHERE resource = ? AND code = ?)
          OR EXISTS (SELECT 1 FROM allocatedCode WHERE resource = ? AND code = ?)
        """, arguments: [resource, code, resource, code]) ?? false
    try db.execute(
      sql: """
        INSERT INTO codeCounter(prefix, last) VALUES (?, ?)
        ON CONFLICT(prefix) DO UPDATE SET last = excluded.last
        """, arguments: [prefix, last])
    try db.execute(
      sql: """
        INSERT INTO allocatedCode(resource, code, smId, smExtId, derivedId, batch, allocatedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """, arguments: [resource, code, smId, smExtId, derivedId, batch, Timestamp.iso(date)])
    return code
  }

  /// Records a record created in SM, now on its way into Sage.
  package func insertCreated(
    code: String, kind: String, smId: Int?, sage: FieldSnapshot, batch: String
  ) throws {
    try db.execute(
      sql: """
        INSERT INTO record(resource, code, kind, origin, owner, smId, deleted, firstBatch,
          lastBatch, fields, awaitingSage)
        VALUES (?, ?, ?, 'salesmanagement', 'shared', ?, 0, ?, ?, ?, 1)
        """,
      arguments: [resource, code, kind, smId, batch, batch, sage.encoded])
  }

  /// Records what an SM change did to a known record: what Sage will hold, what
  /// both sides agree on, and SM's id when the map lacked it. Sage's next export
  /// of the record is mapped again, whatever its row.
  package func update(code: String, smId: Int?, sage: FieldSnapshot, synced: FieldSnapshot) throws {
    try db.execute(
      sql: """
        UPDATE record SET fields = ?, syncedFields = ?, smId = COALESCE(smId, ?),
          rowFingerprint = NULL
        WHERE resource = ? AND code = ?
        """, arguments: [sage.encoded, synced.encoded, smId, resource, code])
  }
}
