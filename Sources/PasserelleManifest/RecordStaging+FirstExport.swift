import GRDB
import GRDBSQLite

extension RecordStaging {
  /// What a first export of its kind writes its records with, as its rows go by.
  /// Only this batch's records of the resource exist: one that conflicts was
  /// written by an earlier row of the file.
  struct FirstExport {
    private let insertStatement: Statement
    private let forgetStatement: Statement
    private let ordinalStatement: Statement
    /// The rows whose records were written: they stay out of the staging table,
    /// which holds the others.
    let written: WrittenRecords

    init(db: Database) throws {
      insertStatement = try db.makeStatement(
        sql: """
          INSERT INTO record(resource, kind, origin, owner, deleted, firstBatch, lastBatch,
            code, smId, fingerprint, picture, fields, rowFingerprint, companions, ordinal)
          VALUES (?, ?, 'sage', ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT(resource, code) DO NOTHING
          """)
      forgetStatement = try db.makeStatement(
        sql: "DELETE FROM record WHERE resource = ? AND code = ?")
      ordinalStatement = try db.makeStatement(
        sql: "SELECT ordinal FROM record WHERE resource = ? AND code = ?")
      written = try WrittenRecords(db: db)
    }

    /// Writes a record; a code already written makes no change.
    var insert: SQLiteStatement { insertStatement.sqliteStatement }
    /// Takes back a record written this batch.
    var forget: SQLiteStatement { forgetStatement.sqliteStatement }
    /// The ordinal of a record written this batch.
    var ordinal: SQLiteStatement { ordinalStatement.sqliteStatement }
  }
}
