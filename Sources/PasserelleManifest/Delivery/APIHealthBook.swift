import Foundation
import GRDB
import PasserelleCore

/// The API's health as `status` shows it: the last call that succeeded, the last
/// error and since when SM has been failing. Never holds a key.
package final class APIHealthBook: Sendable {
  let manifest: Manifest

  package init(manifest: Manifest) { self.manifest = manifest }

  package func recordSuccess(at date: Date) throws {
    try manifest.write { db in
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO apiHealth(name, value) VALUES ('lastSuccessAt', ?);
          DELETE FROM apiHealth WHERE name = 'failingSince';
          """, arguments: [Timestamp.iso(date)])
    }
  }

  /// `failingSince` keeps the first failure of a run of failures.
  package func recordFailure(_ error: String, at date: Date) throws {
    try manifest.write { db in
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO apiHealth(name, value) VALUES ('lastError', ?);
          INSERT OR REPLACE INTO apiHealth(name, value) VALUES ('lastErrorAt', ?);
          INSERT OR IGNORE INTO apiHealth(name, value) VALUES ('failingSince', ?);
          """, arguments: [error, Timestamp.iso(date), Timestamp.iso(date)])
    }
  }
}
