import Foundation
import GRDB
import GRDBSQLite

/// Memory that a per-row statement's text and blobs are copied to, then bound as
/// static: SQLite reads them in place. Bound as transient instead, each value got
/// memory of its own inside SQLite, a `malloc` and a `free` per value and per row:
/// about a third of the allocations of a first conversion's manifest thread.
///
/// One room per statement. `begin` starts binding one execution: what is bound
/// after it stays in place until the next `begin`. So every parameter bound from the
/// room must be bound again at each execution, before the statement is stepped, as
/// the per-row statements do: between two executions SQLite keeps pointers to the
/// last one's bytes (overwritten, or freed when the room grows), which it reads only
/// when stepping. A value that finds no room left is bound as a copy SQLite makes,
/// and the room grows at the next `begin` to the largest execution seen; it never
/// shrinks, and rows are bounded (`ReadLimits`). An empty blob is bound as
/// `SQLiteColumn` binds it.
final class BindingRoom {
  private var base: UnsafeMutableRawPointer
  /// Bytes the room holds.
  private(set) var capacity: Int
  private var used = 0
  /// Bytes the values bound since `begin` asked for, whether they found room or not.
  private var asked = 0

  init(capacity: Int = 4 << 10) {
    self.capacity = capacity
    base = .allocate(byteCount: capacity, alignment: 16)
  }

  deinit { base.deallocate() }

  /// Starts binding a new execution of the statement: the bytes of the last one
  /// are no longer needed, since it was stepped.
  func begin() {
    if asked > capacity {
      capacity = max(asked, capacity * 2)
      base.deallocate()
      base = .allocate(byteCount: capacity, alignment: 16)
    }
    used = 0
    asked = 0
  }

  /// Binds `text` as UTF-8 text. Returns SQLite's status.
  func bind(_ statement: SQLiteStatement, _ index: Int32, _ text: String) -> Int32 {
    var text = text
    return text.withUTF8 { bind(statement, index, utf8: $0) }
  }

  /// Binds `text` as UTF-8 text, or NULL. Returns SQLite's status.
  func bind(_ statement: SQLiteStatement, _ index: Int32, text: String?) -> Int32 {
    guard let text else { return sqlite3_bind_null(statement, index) }
    return bind(statement, index, text)
  }

  /// Binds UTF-8 bytes as text. Returns SQLite's status.
  func bind(_ statement: SQLiteStatement, _ index: Int32, utf8: UnsafeBufferPointer<UInt8>)
    -> Int32
  {
    guard let place = place(UnsafeRawBufferPointer(utf8)) else {
      return SQLiteColumn.bind(statement, index, utf8: utf8)
    }
    return sqlite3_bind_text(
      statement, index, place.assumingMemoryBound(to: CChar.self), Int32(utf8.count), nil)
  }

  /// Binds bytes as a blob, or NULL.
  func bind(_ statement: SQLiteStatement, _ index: Int32, blob: (some ContiguousBytes)?) {
    guard let blob else {
      sqlite3_bind_null(statement, index)
      return
    }
    blob.withUnsafeBytes { bytes in
      guard !bytes.isEmpty, let place = place(bytes) else {
        SQLiteColumn.bind(statement, index, blob: blob)
        return
      }
      sqlite3_bind_blob(statement, index, place, Int32(bytes.count), nil)
    }
  }

  /// A copy of `bytes` in the room (for no bytes, a place in it all the same:
  /// text bound from it is empty text, not NULL); nil when they do not fit.
  private func place(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawPointer? {
    asked += bytes.count
    guard bytes.count <= capacity - used else { return nil }
    let place = base + used
    if let source = bytes.baseAddress {
      place.copyMemory(from: source, byteCount: bytes.count)
    }
    used += bytes.count
    return UnsafeRawPointer(place)
  }
}
