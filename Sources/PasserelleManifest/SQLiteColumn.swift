import Foundation
import GRDB
import GRDBSQLite
import PasserelleCore

/// SQLite copies bound values that may change before the statement runs.
package let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One column of a statement's current row, read through SQLite's C API (the
/// per-row statements skip GRDB's row decoding, which costs more than the lookup).
package enum SQLiteColumn {
  static func integer(_ statement: OpaquePointer, _ column: Int32) -> Int? {
    sqlite3_column_type(statement, column) == SQLITE_NULL
      ? nil : Int(sqlite3_column_int64(statement, column))
  }

  /// A fingerprint. NULL reads as none, and so does a blob of another length (none
  /// is written): the record is then sent again, as a changed one.
  static func fingerprint(_ statement: OpaquePointer, _ column: Int32) -> Fingerprint? {
    guard let pointer = sqlite3_column_blob(statement, column) else { return nil }
    let count = Int(sqlite3_column_bytes(statement, column))
    return Fingerprint(UnsafeRawBufferPointer(start: pointer, count: count))
  }

  static func text(_ statement: OpaquePointer, _ column: Int32) -> String? {
    guard let pointer = sqlite3_column_text(statement, column) else { return nil }
    let count = Int(sqlite3_column_bytes(statement, column))
    return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
  }

  static func flag(_ statement: OpaquePointer, _ column: Int32) -> Bool {
    sqlite3_column_int(statement, column) != 0
  }
}

extension SQLiteColumn {
  /// Binds `text` to parameter `index` from the string's own bytes (no C string is
  /// made), copied by SQLite. Returns SQLite's status.
  static func bind(_ statement: OpaquePointer, _ index: Int32, _ text: String) -> Int32 {
    var text = text
    return text.withUTF8 { bind(statement, index, utf8: $0) }
  }

  /// Binds UTF-8 bytes as text, copied by SQLite; empty text stays text, not NULL.
  /// Returns SQLite's status.
  static func bind(
    _ statement: OpaquePointer, _ index: Int32, utf8: UnsafeBufferPointer<UInt8>
  ) -> Int32 {
    utf8.withMemoryRebound(to: CChar.self) { characters in
      guard let base = characters.baseAddress else {
        return sqlite3_bind_text(statement, index, "", 0, sqliteTransient)
      }
      return sqlite3_bind_text(statement, index, base, Int32(characters.count), sqliteTransient)
    }
  }

  /// Binds an integer, or NULL.
  static func bind(_ statement: OpaquePointer, _ index: Int32, integer: Int?) {
    if let integer {
      sqlite3_bind_int64(statement, index, Int64(integer))
    } else {
      sqlite3_bind_null(statement, index)
    }
  }

  /// Binds bytes as a blob copied by SQLite, or NULL.
  static func bind(_ statement: OpaquePointer, _ index: Int32, blob: (some ContiguousBytes)?) {
    guard let blob else {
      sqlite3_bind_null(statement, index)
      return
    }
    _ = blob.withUnsafeBytes {
      sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), sqliteTransient)
    }
  }

  /// Steps `statement`: true on a row, false once done; SQLite's error otherwise.
  static func step(_ statement: OpaquePointer) throws -> Bool {
    switch sqlite3_step(statement) {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default: throw error(statement)
    }
  }

  /// Throws the connection's last error unless `status`, a bind's, is `SQLITE_OK`.
  static func check(_ status: Int32, _ statement: OpaquePointer) throws {
    if status != SQLITE_OK { throw error(statement) }
  }

  /// The connection's last error, as GRDB reports errors.
  static func error(_ statement: OpaquePointer) -> DatabaseError {
    DatabaseError(
      resultCode: ResultCode(rawValue: sqlite3_errcode(sqlite3_db_handle(statement))),
      message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))))
  }
}
