import GRDB
import GRDBSQLite

/// The records of one resource that rows of the export being staged stand for,
/// one bit each by the record's ordinal (its number within the resource), in
/// whatever order the export lists them.
///
/// A row that staging would only mark as seen is noted here instead of in the
/// staging table: most rows of a re-export, each of which costs an insert there.
/// Such rows, skipped on consecutive lines for records of consecutive ordinals
/// (an export listed as the one that first wrote them), make one run, so that a
/// skipped row's line can be told if its code comes again. Memory: two bits per
/// number the resource has given.
final class SeenRecords {
  private var seen: [UInt64] = []
  private var skipped: [UInt64] = []
  private var run: Run? = nil
  private let noteRun: Statement
  private let findRun: Statement
  private let db: Database
  private let table: String

  private struct Run {
    var firstOrdinal: Int
    var firstLine: Int
    var count: Int
  }

  /// Runs go to a temporary table named after the staging table.
  init(db: Database, table: String) throws {
    self.db = db
    self.table = table
    try db.execute(
      sql: """
        CREATE TEMP TABLE IF NOT EXISTS \(table)Run (
          firstOrdinal INTEGER PRIMARY KEY, firstLine INTEGER NOT NULL, count INTEGER NOT NULL);
        DELETE FROM temp.\(table)Run;
        """)
    noteRun = try db.makeStatement(
      sql: "INSERT INTO temp.\(table)Run(firstOrdinal, firstLine, count) VALUES (?, ?, ?)")
    findRun = try db.makeStatement(
      sql: """
        SELECT firstOrdinal, firstLine FROM temp.\(table)Run
        WHERE firstOrdinal <= ? ORDER BY firstOrdinal DESC LIMIT 1
        """)
  }

  /// Whether a row of this export stood for the record of `ordinal`.
  func contains(_ ordinal: Int) -> Bool { Self.test(seen, ordinal) }

  /// Whether that row was skipped rather than staged.
  func wasSkipped(_ ordinal: Int) -> Bool { Self.test(skipped, ordinal) }

  /// A row stands for the record of `ordinal`, and is staged.
  func note(_ ordinal: Int) { Self.set(&seen, ordinal) }

  /// The row at `line` stands for the record of `ordinal`, and is not staged.
  func skip(_ ordinal: Int, line: Int) throws {
    Self.set(&seen, ordinal)
    Self.set(&skipped, ordinal)
    if var current = run, current.firstOrdinal + current.count == ordinal,
      current.firstLine + current.count == line
    {
      current.count += 1
      run = current
      return
    }
    try closeRun()
    run = Run(firstOrdinal: ordinal, firstLine: line, count: 1)
  }

  /// The line of the skipped row of `ordinal`, which is then staged: no longer
  /// skipped.
  func stage(skipped ordinal: Int) throws -> Int {
    try closeRun()
    Self.clear(&skipped, ordinal)
    let statement = findRun.sqliteStatement
    defer { sqlite3_reset(statement) }
    sqlite3_bind_int64(statement, 1, Int64(ordinal))
    // Every skipped row is in a run, closed above.
    guard try SQLiteColumn.step(statement) else { throw SQLiteColumn.error(statement) }
    let first = Int(sqlite3_column_int64(statement, 0))
    return Int(sqlite3_column_int64(statement, 1)) + ordinal - first
  }

  /// Empties the table of runs, once the batch is committed.
  func clear() throws {
    run = nil
    try db.execute(sql: "DELETE FROM temp.\(table)Run")
  }

  private func closeRun() throws {
    guard let run else { return }
    self.run = nil
    let statement = noteRun.sqliteStatement
    defer { sqlite3_reset(statement) }
    sqlite3_bind_int64(statement, 1, Int64(run.firstOrdinal))
    sqlite3_bind_int64(statement, 2, Int64(run.firstLine))
    sqlite3_bind_int64(statement, 3, Int64(run.count))
    guard sqlite3_step(statement) == SQLITE_DONE else { throw SQLiteColumn.error(statement) }
  }

  private static func test(_ bits: [UInt64], _ ordinal: Int) -> Bool {
    let word = ordinal >> 6
    return word < bits.count && bits[word] & (1 << UInt64(ordinal & 63)) != 0
  }

  private static func set(_ bits: inout [UInt64], _ ordinal: Int) {
    let word = ordinal >> 6
    if word >= bits.count {
      bits.append(contentsOf: repeatElement(0, count: word + 1 - bits.count))
    }
    bits[word] |= 1 << UInt64(ordinal & 63)
  }

  private static func clear(_ bits: inout [UInt64], _ ordinal: Int) {
    let word = ordinal >> 6
    if word < bits.count { bits[word] &= ~(1 << UInt64(ordinal & 63)) }
  }
}
