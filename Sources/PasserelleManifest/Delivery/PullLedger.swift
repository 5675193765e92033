import Foundation
import GRDB
import PasserelleCore

/// What the pull from SM remembers: per resource, the time up to which SM's
/// changes were written to files, and the versions of records already pulled, so
/// that the overlap window against clock skew never brings a record twice.
package final class PullLedger: Sendable {
  let manifest: Manifest

  package init(manifest: Manifest) { self.manifest = manifest }

  /// The time SM's changes of `resource` were pulled up to (SM's clock), if ever.
  package func watermark(_ resource: String) throws -> String? {
    try manifest.read { db in
      try String.fetchOne(
        db, sql: "SELECT since FROM pullWatermark WHERE resource = ?", arguments: [resource])
    }
  }

  /// Whether this version of the record was already pulled.
  package func alreadyPulled(resource: String, smId: Int, version: String) throws -> Bool {
    try manifest.read { db in
      // Asked for each record a pull brings: prepared once.
      try String.fetchOne(
        db.cachedStatement(
          sql: "SELECT version FROM pulledVersion WHERE resource = ? AND smId = ?"),
        arguments: [resource, smId]) == version
    }
  }

  /// Times compare as times: as text, `10:15:00Z` would sort after `10:15:00.500Z`.
  private static func isLater(_ candidate: String, than current: String?) -> Bool {
    guard let current, let currentTime = Timestamp.parse(current) else { return true }
    guard let time = Timestamp.parse(candidate) else { return false }
    return time > currentTime
  }

  /// Records, once their file is durable, the versions written and the new watermark.
  package func advance(
    resource: String, to watermark: String?, versions: [(smId: Int, version: String)],
    at date: Date
  ) throws {
    try manifest.write { db in
      let remember = try db.makeStatement(
        sql: "INSERT OR REPLACE INTO pulledVersion(resource, smId, version) VALUES (?, ?, ?)")
      for (smId, version) in versions {
        try remember.execute(arguments: [resource, smId, version])
      }
      let current = try String.fetchOne(
        db, sql: "SELECT since FROM pullWatermark WHERE resource = ?", arguments: [resource])
      if let watermark, Self.isLater(watermark, than: current) {
        try db.execute(
          sql: "INSERT OR REPLACE INTO pullWatermark(resource, since, pulledAt) VALUES (?, ?, ?)",
          arguments: [resource, watermark, Timestamp.iso(date)])
      } else {
        try db.execute(
          sql: "UPDATE pullWatermark SET pulledAt = ? WHERE resource = ?",
          arguments: [Timestamp.iso(date), resource])
      }
    }
  }
}
