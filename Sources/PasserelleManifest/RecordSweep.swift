import Foundation
import GRDB
import GRDBSQLite

/// Goes through two lists of codes in code order at once, the staged records to
/// write and the records to mark deleted, and runs for each the statement that
/// writes it: the records' pages are then each changed in one stretch.
struct RecordSweep {
  /// Staged rows: code, smId, fingerprint, picture, fields, rowFingerprint,
  /// companions, number; in code order.
  let staged: SQLiteStatement
  /// Codes of the records to mark deleted, in code order.
  let gone: SQLiteStatement
  /// `RecordStaging.copyRecord`.
  let upsert: SQLiteStatement
  /// Marks one record deleted: parameters batch, resource, code.
  let mark: SQLiteStatement

  /// What every record written shares: the upsert's first four parameters, the
  /// mark's first two.
  func run(resource: String, kind: String, owner: String, batch: String) throws {
    defer {
      for statement in [staged, gone, upsert, mark] { sqlite3_reset(statement) }
    }
    for (index, value) in [resource, kind, owner, batch].enumerated() {
      try SQLiteColumn.check(SQLiteColumn.bind(upsert, Int32(index + 1), value), upsert)
    }
    for (index, value) in [batch, resource].enumerated() {
      try SQLiteColumn.check(SQLiteColumn.bind(mark, Int32(index + 1), value), mark)
    }
    var hasStaged = try SQLiteColumn.step(staged)
    var hasGone = try SQLiteColumn.step(gone)
    while hasStaged || hasGone {
      if hasStaged && (!hasGone || Self.codeOrder(staged, before: gone)) {
        try execute(upsert, with: staged, columns: 8, from: 5)
        hasStaged = try SQLiteColumn.step(staged)
      } else {
        try execute(mark, with: gone, columns: 1, from: 3)
        hasGone = try SQLiteColumn.step(gone)
      }
    }
  }

  /// Binds `columns` values of `row`'s current row to `statement` from parameter
  /// `first` on, and runs it.
  private func execute(
    _ statement: SQLiteStatement, with row: SQLiteStatement, columns: Int32, from first: Int32
  )
    throws
  {
    for column in 0..<columns {
      try SQLiteColumn.check(
        sqlite3_bind_value(statement, first + column, sqlite3_column_value(row, column)),
        statement)
    }
    defer { sqlite3_reset(statement) }
    guard sqlite3_step(statement) == SQLITE_DONE else { throw SQLiteColumn.error(statement) }
  }

  /// Whether the code in column 0 of `first`'s row comes before that of `second`'s,
  /// in the order of SQLite's binary collation (bytes, then length).
  private static func codeOrder(_ first: SQLiteStatement, before second: SQLiteStatement) -> Bool {
    let (a, b) = (sqlite3_column_blob(first, 0), sqlite3_column_blob(second, 0))
    let (countA, countB) = (
      Int(sqlite3_column_bytes(first, 0)), Int(sqlite3_column_bytes(second, 0))
    )
    let shared = min(countA, countB)
    if shared > 0, let a, let b {
      let order = memcmp(a, b, shared)
      if order != 0 { return order < 0 }
    }
    return countA < countB
  }
}
