import GRDB
import PasserelleCore

/// One write transaction of the manifest, handed to a conversion: everything the
/// batch records goes into it, and none of it stays unless the batch commits.
/// The layers above never see SQL: they pass it to the manifest's own types.
package struct ManifestTransaction {
  let db: Database

  /// The manifest's file (nil in memory), for the read-only snapshots the mapping threads open.
  package var path: String? { db.mainFilePath }

  /// Whether Passerelle ever gave a Sage code to a record of `resource` created in
  /// SM: such records may be known to SM by another key than the export's.
  package func hasAllocatedCodes(resource: String) throws -> Bool {
    try Bool.fetchOne(
      db, sql: "SELECT EXISTS (SELECT 1 FROM allocatedCode WHERE resource = ?)",
      arguments: [resource]) ?? false
  }
}
