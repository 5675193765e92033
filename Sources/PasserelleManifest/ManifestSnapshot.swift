import Foundation
import GRDB
import GRDBSQLite
import PasserelleCore

/// A read-only connection to the manifest for one mapping thread, seeing it as the
/// last committed batch left it (the manifest is in WAL mode: the batch being
/// written stays invisible, and this reader never blocks it). It lets a mapping
/// thread look a record up without waiting for the batch's own connection.
package final class ManifestSnapshot {
  private var connection: OpaquePointer? = nil
  /// One per resource looked up: each follows its own codes' order.
  private var cursors: [(resource: String, cursor: RecordCursor)] = []

  /// Nil when the manifest cannot be opened for reading: the caller maps every row.
  package init?(path: String) {
    guard let connection = Self.readConnection(path) else { return nil }
    self.connection = connection
    // One read transaction: every lookup sees the same committed state.
    guard sqlite3_exec(connection, "BEGIN", nil, nil, nil) == SQLITE_OK else {
      close()
      return nil
    }
  }

  /// A read-only connection to the manifest at `path`, for one thread, with the
  /// manifest's cache sizes; nil when it cannot be opened so.
  static func readConnection(_ path: String) -> OpaquePointer? {
    var connection: OpaquePointer? = nil
    guard
      sqlite3_open_v2(path, &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        == SQLITE_OK,
      sqlite3_busy_timeout(connection, 10_000) == SQLITE_OK,
      sqlite3_exec(connection, Manifest.cacheSizes, nil, nil, nil) == SQLITE_OK
    else {
      sqlite3_close_v2(connection)
      return nil
    }
    return connection
  }

  deinit { close() }

  private func close() {
    cursors = []
    sqlite3_close_v2(connection)
    connection = nil
  }

  /// The record of `resource` under `code`, or nil when unknown or unreadable.
  package func known(resource: String, code: String) -> KnownRecord? {
    cursor(resource)?.known(code)
  }

  private func cursor(_ resource: String) -> RecordCursor? {
    if let found = cursors.first(where: { $0.resource == resource }) { return found.cursor }
    guard let connection, let cursor = RecordCursor(connection: connection, resource: resource)
    else { return nil }
    cursors.append((resource, cursor))
    return cursor
  }
}

extension Database {
  /// The file of the main database, for other connections to open.
  package var mainFilePath: String? {
    guard let connection = sqliteConnection, let name = sqlite3_db_filename(connection, "main")
    else { return nil }
    let path = String(cString: name)
    return path.isEmpty ? nil : path
  }
}
