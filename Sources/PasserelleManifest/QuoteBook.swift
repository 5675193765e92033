import Foundation
import GRDB
import PasserelleCore

/// The quote round trip in the manifest: SM quotes sent to Sage (by reference),
/// and priced quotes back from Sage waiting for their SM quote.
package final class QuoteBook {
  let db: Database

  package init(db transaction: ManifestTransaction) { db = transaction.db }

  /// SM's id of the quote with this reference, when the quote went through us.
  package func match(reference: String) throws -> Int?? {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT smId FROM quote WHERE reference = ?", arguments: [reference])
    else { return nil }
    return .some(row[0])
  }

  package func markPriced(reference: String, piece: String, batch: String, at date: Date) throws {
    try db.execute(
      sql: """
        UPDATE quote SET state = 'priced', sagePiece = ?, pricedBatch = ?, updatedAt = ?
        WHERE reference = ?
        """, arguments: [piece, batch, Timestamp.iso(date), reference])
    try db.execute(
      sql: "DELETE FROM pendingPricedQuote WHERE reference = ?", arguments: [reference])
  }

  /// A quote already sent to Sage: its state, the batch, and what was sent.
  package func sent(reference: String) throws -> (
    state: String, batch: String?, fingerprint: Fingerprint?
  )? {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT state, sentBatch, fingerprint FROM quote WHERE reference = ?",
        arguments: [reference])
    else { return nil }
    let stored: Data? = row[2]
    return (row[0], row[1], stored.flatMap { Fingerprint($0) })
  }

  /// Records an SM quote written into a Sage import file.
  package func recordSent(
    reference: String, smId: Int?, fingerprint: Fingerprint, batch: String, at date: Date
  ) throws {
    try db.execute(
      sql: """
        INSERT INTO quote(reference, smId, state, sentBatch, updatedAt, fingerprint)
        VALUES (?, ?, 'sent', ?, ?, ?)
        ON CONFLICT(reference) DO UPDATE SET smId = COALESCE(excluded.smId, quote.smId),
          state = 'sent', sentBatch = excluded.sentBatch, updatedAt = excluded.updatedAt,
          fingerprint = excluded.fingerprint
        """, arguments: [reference, smId, batch, Timestamp.iso(date), fingerprint.data])
  }

  /// A priced quote released to SM is recorded like one sent from Sage's export.
  package func recordReleased(
    piece: String, smId: Int?, fingerprint: Fingerprint, batch: String
  ) throws {
    try db.execute(
      sql: """
        INSERT INTO record(resource, code, kind, origin, owner, smId, fingerprint, deleted,
          firstBatch, lastBatch)
        VALUES ('salesorders', ?, 'priced-quote', 'sage', 'sage', ?, ?, 0, ?, ?)
        ON CONFLICT(resource, code) DO UPDATE SET smId = COALESCE(excluded.smId, record.smId),
          fingerprint = excluded.fingerprint, lastBatch = excluded.lastBatch
        """, arguments: [piece, smId, fingerprint.data, batch, batch])
  }

  /// A priced quote that came back from Sage before its SM quote was known.
  package func pending(reference: String) throws -> (piece: String, operation: Data)? {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT sagePiece, operation FROM pendingPricedQuote WHERE reference = ?",
        arguments: [reference])
    else { return nil }
    return (row[0], row[1])
  }

  /// Keeps a priced quote nobody asked for yet; a later SM quote with this
  /// reference releases it.
  package func keepPending(
    reference: String, piece: String, operation: [UInt8], batch: String, line: Int
  ) throws {
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO pendingPricedQuote(reference, sagePiece, operation, batch, line)
        VALUES (?, ?, ?, ?, ?)
        """, arguments: [reference, piece, Data(operation), batch, line])
  }
}
