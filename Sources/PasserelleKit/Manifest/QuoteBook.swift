import Foundation
import GRDB

/// The quote round trip in the manifest: SM quotes sent to Sage (by reference),
/// and priced quotes back from Sage waiting for their SM quote.
final class QuoteBook {
  let db: Database

  init(db: Database) { self.db = db }

  /// SM's id of the quote with this reference, when the quote went through us.
  func match(reference: String) throws -> Int?? {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT smId FROM quote WHERE reference = ?", arguments: [reference])
    else { return nil }
    return .some(row[0])
  }

  func markPriced(reference: String, piece: String, batch: String, at date: Date) throws {
    try db.execute(
      sql: """
        UPDATE quote SET state = 'priced', sagePiece = ?, pricedBatch = ?, updatedAt = ?
        WHERE reference = ?
        """, arguments: [piece, batch, Timestamp.iso(date), reference])
    try db.execute(
      sql: "DELETE FROM pendingPricedQuote WHERE reference = ?", arguments: [reference])
  }

  /// Keeps a priced quote nobody asked for yet; a later SM quote with this
  /// reference releases it.
  func keepPending(
    reference: String, piece: String, operation: [UInt8], batch: String, line: Int
  ) throws {
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO pendingPricedQuote(reference, sagePiece, operation, batch, line)
        VALUES (?, ?, ?, ?, ?)
        """, arguments: [reference, piece, Data(operation), batch, line])
  }
}
