import GRDB
import GRDBSQLite
import PasserelleCore

/// Answers whether the manifest knows a record another one points to (a
/// contact's company, an invoice's customer), and SM's id for it. Answers are
/// cached: documents name the same few customers over and over.
package final class ReferenceLookup {
  package enum Answer: Equatable {
    case known(smId: Int?)
    case unknown
  }

  private let statement: Statement
  private var cache: [String: Answer] = [:]
  private let cacheLimit = 50_000

  private let bySMId: Statement

  package init(db transaction: ManifestTransaction) throws {
    let db = transaction.db
    statement = try db.makeStatement(
      sql: "SELECT smId FROM record WHERE resource = ? AND code = ? AND deleted = 0")
    bySMId = try db.makeStatement(
      sql: "SELECT code FROM record WHERE resource = ? AND smId = ? AND deleted = 0 LIMIT 1")
  }

  /// The Sage code of the record SM knows by `smId`, through the id map.
  package func code(resource: String, smId: Int) throws -> String? {
    try String.fetchOne(bySMId, arguments: [resource, smId])
  }

  package func find(resource: String, code: String) throws -> Answer {
    let key = resource + "\u{0}" + code
    if let cached = cache[key] { return cached }
    let answer = try lookUp(resource: resource, code: code)
    // Bounded: memory stays flat however many distinct codes a file names.
    if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
    cache[key] = answer
    return answer
  }

  /// Through SQLite's C API: GRDB's arguments and row decoding cost several times the
  /// lookup itself, once per customer of an invoices export.
  private func lookUp(resource: String, code: String) throws -> Answer {
    let lookup = statement.sqliteStatement
    defer { sqlite3_reset(lookup) }
    guard SQLiteColumn.bind(lookup, 1, resource) == SQLITE_OK,
      SQLiteColumn.bind(lookup, 2, code) == SQLITE_OK
    else { throw failure(lookup) }
    return try SQLiteColumn.step(lookup) ? .known(smId: SQLiteColumn.integer(lookup, 0)) : .unknown
  }

  private func failure(_ statement: SQLiteStatement) -> DatabaseError {
    SQLiteColumn.error(statement)
  }
}
