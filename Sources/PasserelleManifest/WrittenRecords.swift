import Foundation
import GRDB
import GRDBSQLite

/// The records a first export of its kind wrote as its rows went by, by ordinal,
/// with what a repeat of their code needs of the row that wrote them.
///
/// The record itself stands for its code in the file: a repeat is found when it
/// is written again. What only a repeat or a withdrawal reads (the row's line and
/// operations) goes to a temporary table keyed by ordinal, where each record's
/// number is the next one and every note is an append at the table's end,
/// instead of to the staging table, keyed by code and searched for each row.
final class WrittenRecords {
  /// The row that wrote a record.
  struct Row {
    var code: String
    var line: Int
    var operation: Int
    var fingerprint: Data?
    /// Its main contact's operation, when it has one.
    var companion: Int?
  }

  private let db: Database
  private let table: String
  private let note: Statement
  private let takeByOrdinal: Statement

  /// The rows go to a temporary table named after the staging table.
  init(db: Database, table: String) throws {
    self.db = db
    self.table = "\(table)Written"
    try db.execute(
      sql: """
        CREATE TEMP TABLE IF NOT EXISTS \(self.table) (
          ordinal INTEGER PRIMARY KEY, code TEXT NOT NULL, line INTEGER NOT NULL,
          operation INTEGER NOT NULL, fingerprint BLOB, companion INTEGER);
        DELETE FROM temp.\(self.table);
        """)
    note = try db.makeStatement(
      sql: """
        INSERT INTO temp.\(self.table)(ordinal, code, line, operation, fingerprint, companion)
        VALUES (?, ?, ?, ?, ?, ?)
        """)
    takeByOrdinal = try db.makeStatement(
      sql: "DELETE FROM temp.\(self.table) WHERE ordinal = ? \(Self.returning)")
  }

  private static let returning = "RETURNING code, line, operation, fingerprint, companion"

  /// The record of `ordinal` was written for `row`.
  func note(ordinal: Int, _ row: Row) throws {
    let statement = note.sqliteStatement
    defer { sqlite3_reset(statement) }
    sqlite3_bind_int64(statement, 1, Int64(ordinal))
    if SQLiteColumn.bind(statement, 2, row.code) != SQLITE_OK {
      throw SQLiteColumn.error(statement)
    }
    sqlite3_bind_int64(statement, 3, Int64(row.line))
    sqlite3_bind_int64(statement, 4, Int64(row.operation))
    SQLiteColumn.bind(statement, 5, blob: row.fingerprint)
    SQLiteColumn.bind(statement, 6, integer: row.companion)
    guard sqlite3_step(statement) == SQLITE_DONE else { throw SQLiteColumn.error(statement) }
  }

  /// The row that wrote the record of `ordinal`, forgotten here; nil when none did.
  func take(ordinal: Int) throws -> Row? {
    let statement = takeByOrdinal.sqliteStatement
    defer { sqlite3_reset(statement) }
    sqlite3_bind_int64(statement, 1, Int64(ordinal))
    guard try SQLiteColumn.step(statement) else { return nil }
    return Self.row(statement)
  }

  /// The rows that wrote their records with payload operation `operation` (as
  /// their own, not their main contact's), forgotten here.
  func take(operation: Int) throws -> [Row] {
    let statement = try db.makeStatement(
      sql: "DELETE FROM temp.\(table) WHERE operation = ? \(Self.returning)")
    let pointer = statement.sqliteStatement
    sqlite3_bind_int64(pointer, 1, Int64(operation))
    var rows: [Row] = []
    while try SQLiteColumn.step(pointer) { rows.append(Self.row(pointer)) }
    return rows
  }

  /// Forgets every row: the batch is committed.
  func clear() throws {
    try db.execute(sql: "DELETE FROM temp.\(table)")
  }

  private static func row(_ statement: OpaquePointer) -> Row {
    Row(
      code: SQLiteColumn.text(statement, 0) ?? "", line: Int(sqlite3_column_int64(statement, 1)),
      operation: Int(sqlite3_column_int64(statement, 2)),
      fingerprint: SQLiteColumn.blob(statement, 3), companion: SQLiteColumn.integer(statement, 4))
  }
}
