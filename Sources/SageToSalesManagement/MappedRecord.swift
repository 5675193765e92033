import PasserelleCore
import PasserelleReading

/// A row turned into Sales Management fields, or the reasons it could not be.
package struct MappedRecord: Sendable {
  package var key: String
  /// The SM `data` object (v4 field names) in the mapping's field order, left open
  /// for the members added after fingerprinting; `.absent` when the row has none.
  package var data: JSONObject
  /// The Sage representative code, resolved to an SM user by the caller.
  package var salesRep: SalesRepReference
  package var issues: [RowIssue]
  /// Records the row also describes (the main contact of a company row).
  package var companions: [MappedRecord] = []
  /// Records of other entities this one points to, checked against the manifest.
  package var references: [RecordReference] = []
  /// The picture to send with a product.
  package var picture: PictureSource? = nil
  /// A representative's e-mail, to match a user SM already has.
  package var email: String = ""
  /// Another key the same record may already have in SM (a contact's derived id).
  package var alternateKey: String? = nil
  /// A shared record's values by Sage label (`FieldSnapshot`), for the three-way
  /// comparison when SM changes it.
  package var sharedFields: [UInt8]? = nil

  package init(key: String, data: JSONObject, salesRep: SalesRepReference, issues: [RowIssue]) {
    self.key = key
    self.data = data
    self.salesRep = salesRep
    self.issues = issues
  }

  package var isRejected: Bool { issues.contains { $0.severity == .error } }
}
