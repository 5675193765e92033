import Foundation
import GRDB
import PasserelleCore

/// What a delivery preview needs of the manifest: the ids it pretends SM gave to
/// the records it would create (so that what names them plans as the delivery
/// would), and its counts, kept for the report. Never touches the id map itself.
package final class PreviewBook: Sendable {
  let manifest: Manifest

  /// The book of the manifest `manifest`.
  package init(manifest: Manifest) { self.manifest = manifest }

  /// Forgets the pretended ids of an earlier preview.
  package func start() throws {
    try manifest.write { db in try db.execute(sql: "DELETE FROM previewIdMap") }
  }

  /// Records, in one transaction, the ids SM would give a slice's records.
  package func pretend(_ ids: [(resource: String, extId: String, smId: Int)]) throws {
    guard !ids.isEmpty else { return }
    try manifest.write { db in
      let statement = try db.makeStatement(
        sql: "INSERT OR REPLACE INTO previewIdMap(resource, extId, smId) VALUES (?, ?, ?)")
      for id in ids { try statement.execute(arguments: [id.resource, id.extId, id.smId]) }
    }
  }

  /// The id the preview pretends SM gave the record `extId`, if it would create it.
  package func smId(resource: String, extId: String) throws -> Int? {
    try manifest.read { db in
      try Int.fetchOne(
        db.cachedStatement(sql: "SELECT smId FROM previewIdMap WHERE resource = ? AND extId = ?"),
        arguments: [resource, extId])
    }
  }

  /// Keeps the preview's counts (resource → action → count), its file and time.
  package func finish(counts: [String: [String: Int]], file: String, at date: Date) throws {
    try manifest.write { db in
      try db.execute(sql: "DELETE FROM deliveryPreview; DELETE FROM previewIdMap")
      let insert = try db.makeStatement(
        sql: "INSERT INTO deliveryPreview(resource, action, count) VALUES (?, ?, ?)")
      for (resource, actions) in counts {
        for (action, count) in actions {
          try insert.execute(arguments: [resource, action, count])
        }
      }
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO apiHealth(name, value) VALUES ('previewAt', ?);
          INSERT OR REPLACE INTO apiHealth(name, value) VALUES ('previewFile', ?);
          """, arguments: [Timestamp.iso(date), file])
    }
  }
}
