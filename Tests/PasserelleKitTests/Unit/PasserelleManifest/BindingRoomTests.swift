import Foundation
import GRDB
import GRDBSQLite
import Testing

@testable import PasserelleManifest

/// The per-row statements bind their text and blobs from a room of their own
/// (`BindingRoom`), which SQLite reads in place: each row must be stored exactly
/// as bound, whatever came before it in the room, and whether or not its values
/// fitted.
@Suite struct BindingRoomTests {
  private struct Row: Equatable {
    var text: String?
    var blob: [UInt8]?
  }

  /// Rows of every size, bound one after the other from a room too small for
  /// some of them, come back as bound; an empty text stays text, an absent one is
  /// NULL, and an empty blob is stored as `SQLiteColumn` stores it.
  @Test func eachRowIsStoredAsBound() throws {
    let rows: [Row] = [
      Row(text: "C0001", blob: [1, 2, 3]),
      Row(text: "", blob: nil),
      Row(text: nil, blob: []),
      Row(text: "Société Générale d'Électricité — Saint-Étienne", blob: Array(0..<200)),
      Row(text: String(repeating: "x", count: 300), blob: Array(repeating: 7, count: 5)),
      Row(text: "C0002", blob: [9]),
      Row(text: String(repeating: "é", count: 500), blob: Array(repeating: 1, count: 600)),
      Row(text: "C0003", blob: [0]),
    ]
    let room = BindingRoom(capacity: 64)
    let stored = try store(rows) { statement, row in
      room.begin()
      #expect(room.bind(statement, 1, text: row.text) == SQLITE_OK)
      room.bind(statement, 2, blob: row.blob)
    }
    let expected = try store(rows) { statement, row in
      if let text = row.text {
        #expect(SQLiteColumn.bind(statement, 1, text) == SQLITE_OK)
      } else {
        sqlite3_bind_null(statement, 1)
      }
      SQLiteColumn.bind(statement, 2, blob: row.blob)
    }
    for (index, row) in rows.enumerated() where row.blob != [] {
      #expect(stored.rows[index] == row, "row \(index)")
    }
    #expect(stored.rows == expected.rows)
    #expect(stored.types == expected.types)
    #expect(stored.types.prefix(2) == [["text", "blob"], ["text", "null"]])
    #expect(stored.types[2][0] == "null")
  }

  /// A row that did not fit makes the room grow at the next `begin`, to hold it.
  @Test func theRoomGrowsToTheLargestRow() throws {
    let room = BindingRoom(capacity: 16)
    let large = String(repeating: "a", count: 100)
    _ = try store([Row(text: large, blob: Array(repeating: 2, count: 50))]) { statement, row in
      room.begin()
      _ = room.bind(statement, 1, text: row.text)
      room.bind(statement, 2, blob: row.blob)
    }
    #expect(room.capacity == 16)
    room.begin()
    #expect(room.capacity >= 150)
  }

  /// Stores `rows` into a new table, each bound by `bind`, then reads them back in
  /// order with the type SQLite gave each value.
  private func store(_ rows: [Row], bind: (SQLiteStatement, Row) throws -> Void) throws
    -> (rows: [Row], types: [[String]])
  {
    let database = try DatabaseQueue()
    return try database.write { db in
      try db.execute(sql: "CREATE TABLE row(number INTEGER PRIMARY KEY, text TEXT, blob BLOB)")
      let insert = try db.makeStatement(sql: "INSERT INTO row(text, blob) VALUES (?, ?)")
      for row in rows {
        try bind(insert.sqliteStatement, row)
        #expect(sqlite3_step(insert.sqliteStatement) == SQLITE_DONE)
        sqlite3_reset(insert.sqliteStatement)
      }
      let read = try GRDB.Row.fetchAll(
        db, sql: "SELECT text, blob, typeof(text), typeof(blob) FROM row ORDER BY number")
      return (
        read.map { Row(text: $0[0], blob: ($0[1] as Data?).map { [UInt8]($0) }) },
        read.map { [$0[2], $0[3]] }
      )
    }
  }
}
