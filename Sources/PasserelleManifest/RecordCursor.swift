import Foundation
import GRDBSQLite

/// Looks up the records of one resource through a statement that reads them in
/// code order, kept where the last lookup left it. When an export lists its rows by
/// code, the order the manifest keeps records in, the next code asked for is most
/// often the next record, one step away, where a lookup by key would descend the
/// tree again. A code behind the cursor, or too far ahead, is sought as by key.
final class RecordCursor {
  private let statement: OpaquePointer
  /// The statement stands on a record (the last one read).
  private var isPositioned = false

  /// Steps taken before seeking instead: mapping threads take rows in blocks, so
  /// the next code of a thread may lie a whole block of the other thread's ahead.
  private static let stepsBeforeSeeking = 4

  /// Nil when the statement cannot be prepared on `connection`.
  init?(connection: OpaquePointer, resource: String) {
    var statement: OpaquePointer? = nil
    guard
      sqlite3_prepare_v2(connection, KnownRecord.inCodeOrder, -1, &statement, nil) == SQLITE_OK,
      let statement
    else { return nil }
    // Bindings outlive resets: the resource is bound once.
    guard SQLiteColumn.bind(statement, 1, resource) == SQLITE_OK else {
      sqlite3_finalize(statement)
      return nil
    }
    self.statement = statement
  }

  deinit { sqlite3_finalize(statement) }

  /// The record under `code`, or nil when unknown or unreadable.
  func known(_ code: String) -> KnownRecord? {
    var code = code
    return code.withUTF8 { wanted in
      isPositioned ? stepForward(to: wanted) : seek(wanted)
    }
  }

  /// Steps from the current record toward `wanted`, or seeks it when it lies behind
  /// the cursor or more than a few records ahead.
  private func stepForward(to wanted: UnsafeBufferPointer<UInt8>) -> KnownRecord? {
    guard var order = compareCurrent(with: wanted) else { return nil }
    if order > 0 { return seek(wanted) }
    var steps = 0
    while order < 0 {
      if steps == Self.stepsBeforeSeeking { return seek(wanted) }
      guard step(), let next = compareCurrent(with: wanted) else { return nil }
      steps += 1
      order = next
    }
    // Past it after a step: the records between were all passed, so it has none.
    return order == 0 ? KnownRecord(statement) : nil
  }

  /// Places the cursor on the first record at or after `wanted`.
  private func seek(_ wanted: UnsafeBufferPointer<UInt8>) -> KnownRecord? {
    sqlite3_reset(statement)
    isPositioned = false
    guard SQLiteColumn.bind(statement, 2, utf8: wanted) == SQLITE_OK, step() else { return nil }
    return compareCurrent(with: wanted) == 0 ? KnownRecord(statement) : nil
  }

  /// Moves to the next record; false at the end or on an error, where the cursor
  /// no longer stands anywhere and the next lookup seeks.
  private func step() -> Bool {
    isPositioned = sqlite3_step(statement) == SQLITE_ROW
    return isPositioned
  }

  /// The current record's code against `wanted`, in the key's order (SQLite's
  /// binary collation: bytes, then length); nil when the code cannot be read (out
  /// of memory), which leaves the cursor unplaced.
  private func compareCurrent(with wanted: UnsafeBufferPointer<UInt8>) -> Int? {
    let column = KnownRecord.codeColumn
    guard let current = sqlite3_column_text(statement, column) else {
      isPositioned = false
      return nil
    }
    let count = Int(sqlite3_column_bytes(statement, column))
    let shared = min(count, wanted.count)
    guard shared > 0, let bytes = wanted.baseAddress else { return count - wanted.count }
    let order = Int(memcmp(current, bytes, shared))
    return order != 0 ? order : count - wanted.count
  }
}
