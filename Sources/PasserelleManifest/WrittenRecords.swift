import Foundation
import GRDB
import GRDBSQLite
import PasserelleCore

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
    var fingerprint: Fingerprint?
    /// Its main contact's operation, when it has one.
    var companion: Int?
  }

  private let db: Database
  private let table: String
  /// Notes one row; `noteBlock` a whole block of them.
  private let noteOne: Statement
  private let noteBlock: Statement
  private let takeByOrdinal: Statement
  /// The rows of the last ordinals noted, from `pendingStart` on, kept here until
  /// they fill a block: one statement writes a block, where each row's own statement
  /// cost more than writing it. Nil: taken since.
  private var pending: [Row?] = []
  private var pendingStart = 0
  private static let blockSize = 64

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
    let insert =
      "INSERT INTO temp.\(self.table)(ordinal, code, line, operation, fingerprint, companion) VALUES "
    let values = "(?, ?, ?, ?, ?, ?)"
    noteOne = try db.makeStatement(sql: insert + values)
    noteBlock = try db.makeStatement(
      sql: insert + Array(repeating: values, count: Self.blockSize).joined(separator: ", "))
    pending.reserveCapacity(Self.blockSize)
    takeByOrdinal = try db.makeStatement(
      sql: "DELETE FROM temp.\(self.table) WHERE ordinal = ? \(Self.returning)")
  }

  private static let returning = "RETURNING code, line, operation, fingerprint, companion"

  /// The record of `ordinal` was written for `row`.
  func note(ordinal: Int, _ row: Row) throws {
    if !pending.isEmpty && ordinal != pendingStart + pending.count { try writePending() }
    if pending.isEmpty { pendingStart = ordinal }
    pending.append(row)
    if pending.count == Self.blockSize { try writePending() }
  }

  /// Writes the pending rows: a full block at once, otherwise one by one.
  private func writePending() throws {
    if pending.count == Self.blockSize, pending.allSatisfy({ $0 != nil }) {
      let statement = noteBlock.sqliteStatement
      defer { sqlite3_reset(statement) }
      for (index, row) in pending.enumerated() {
        try bind(row!, ordinal: pendingStart + index, to: statement, from: Int32(6 * index))
      }
      guard sqlite3_step(statement) == SQLITE_DONE else { throw SQLiteColumn.error(statement) }
    } else {
      let statement = noteOne.sqliteStatement
      for (index, row) in pending.enumerated() {
        guard let row else { continue }
        defer { sqlite3_reset(statement) }
        try bind(row, ordinal: pendingStart + index, to: statement, from: 0)
        guard sqlite3_step(statement) == SQLITE_DONE else { throw SQLiteColumn.error(statement) }
      }
    }
    pending.removeAll(keepingCapacity: true)
  }

  /// Binds a row to the six parameters after `offset`.
  private func bind(_ row: Row, ordinal: Int, to statement: OpaquePointer, from offset: Int32)
    throws
  {
    sqlite3_bind_int64(statement, offset + 1, Int64(ordinal))
    if SQLiteColumn.bind(statement, offset + 2, row.code) != SQLITE_OK {
      throw SQLiteColumn.error(statement)
    }
    sqlite3_bind_int64(statement, offset + 3, Int64(row.line))
    sqlite3_bind_int64(statement, offset + 4, Int64(row.operation))
    SQLiteColumn.bind(statement, offset + 5, blob: row.fingerprint)
    SQLiteColumn.bind(statement, offset + 6, integer: row.companion)
  }

  /// The row that wrote the record of `ordinal`, forgotten here; nil when none did.
  func take(ordinal: Int) throws -> Row? {
    if ordinal >= pendingStart && ordinal < pendingStart + pending.count {
      defer { pending[ordinal - pendingStart] = nil }
      return pending[ordinal - pendingStart]
    }
    let statement = takeByOrdinal.sqliteStatement
    defer { sqlite3_reset(statement) }
    sqlite3_bind_int64(statement, 1, Int64(ordinal))
    guard try SQLiteColumn.step(statement) else { return nil }
    return Self.row(statement)
  }

  /// The rows that wrote their records with payload operation `operation` (as
  /// their own, not their main contact's), forgotten here.
  func take(operation: Int) throws -> [Row] {
    try writePending()
    let statement = try db.cachedStatement(
      sql: "DELETE FROM temp.\(table) WHERE operation = ? \(Self.returning)")
    let pointer = statement.sqliteStatement
    defer { sqlite3_reset(pointer) }
    sqlite3_bind_int64(pointer, 1, Int64(operation))
    var rows: [Row] = []
    while try SQLiteColumn.step(pointer) { rows.append(Self.row(pointer)) }
    return rows
  }

  /// Forgets every row: the batch is committed.
  func clear() throws {
    pending.removeAll(keepingCapacity: true)
    try db.execute(sql: "DELETE FROM temp.\(table)")
  }

  private static func row(_ statement: OpaquePointer) -> Row {
    Row(
      code: SQLiteColumn.text(statement, 0) ?? "", line: Int(sqlite3_column_int64(statement, 1)),
      operation: Int(sqlite3_column_int64(statement, 2)),
      fingerprint: SQLiteColumn.fingerprint(statement, 3),
      companion: SQLiteColumn.integer(statement, 4))
  }
}
