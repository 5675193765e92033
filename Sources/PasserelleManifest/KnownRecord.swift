import Foundation
import GRDB
import GRDBSQLite
import PasserelleCore

/// What the manifest knows of one record before a batch touches it.
package struct KnownRecord: Sendable {
  package var fingerprint: Fingerprint?
  package var smId: Int?
  package var kind: String
  package var deleted: Bool
  package var salesRepKnownEmpty: Bool
  /// The picture last sent with a product: its SHA-256, a space, its stamp (size,
  /// time, path), so that an untouched picture is not read again to be hashed.
  var picture: String?
  /// Created in SM and not yet in a Sage export: not a deletion when absent.
  package var awaitingSage = false
  /// Of the source row last seen clean (`RowFingerprinter`); nil when it had issues.
  package var rowFingerprint: Fingerprint? = nil
  /// The manifest holds the record's values by Sage label.
  package var hasFields = false
  /// Codes of the records the row also describes, one per line.
  package var companions: String? = nil
  /// The record's number within its resource (see `SeenRecords`); nil for one
  /// written outside a conversion's staging (a quote priced by Sage, a record
  /// created in SM), which is then always staged and looked up.
  package var ordinal: Int? = nil

  package var pictureSHA256: String? { picture.map { String($0.prefix(64)) } }
  package var pictureStamp: String? { picture.map { String($0.dropFirst(65)) } }
}

extension KnownRecord {
  /// The columns `init(_:)` reads, in its order.
  private static let columns = """
    fingerprint, smId, kind, deleted, smSalesRepKnownEmpty, picture, awaitingSage,
      rowFingerprint, fields IS NOT NULL, companions, ordinal
    """

  /// The query that reads one, by resource and code (arguments 1 and 2).
  static let query = "SELECT \(columns) FROM record WHERE resource = ? AND code = ?"

  /// The records of a resource from a code on, in code order, each with its code
  /// last (`codeColumn`). Arguments: resource, first code.
  static let inCodeOrder = """
    SELECT \(columns), code FROM record WHERE resource = ? AND code >= ? ORDER BY code
    """
  /// Where `inCodeOrder` puts the code: after the eleven `columns`.
  static let codeColumn: Int32 = 11

  /// The kinds records are written with (`EntityPlan`).
  private static let kinds: [StaticString] = [
    "customer", "prospect", "contact", "customer-contact", "prospect-contact", "article",
    "representative",
  ]
  private static let kindStrings = kinds.map(\.description)

  /// A record's kind, one of `kinds` without a string made for each record read: a
  /// lookup reads one per row of a re-export.
  private static func readKind(_ statement: SQLiteStatement, _ column: Int32) -> String {
    guard let text = sqlite3_column_text(statement, column) else { return "" }
    let count = Int(sqlite3_column_bytes(statement, column))
    for (index, kind) in kinds.enumerated() where kind.utf8CodeUnitCount == count {
      if memcmp(kind.utf8Start, text, count) == 0 { return kindStrings[index] }
    }
    return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
  }

  /// Reads the current row of `query` or `inCodeOrder`.
  init(_ statement: SQLiteStatement) {
    typealias C = SQLiteColumn
    self.init(
      fingerprint: C.fingerprint(statement, 0), smId: C.integer(statement, 1),
      kind: Self.readKind(statement, 2), deleted: C.flag(statement, 3),
      salesRepKnownEmpty: C.flag(statement, 4), picture: C.text(statement, 5),
      awaitingSage: C.flag(statement, 6), rowFingerprint: C.fingerprint(statement, 7),
      hasFields: C.flag(statement, 8), companions: C.text(statement, 9),
      ordinal: C.integer(statement, 10))
  }
}
