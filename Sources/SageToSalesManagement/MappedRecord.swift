import PasserelleCore
import PasserelleReading

/// A row turned into Sales Management fields, or the reasons it could not be.
public struct MappedRecord: Sendable {
  public var key: String
  /// The SM `data` object (v4 field names), serialised in the mapping's field order.
  public var data: [UInt8]
  /// The Sage representative code, resolved to an SM user by the caller.
  public var salesRep: SalesRepReference
  public var issues: [RowIssue]
  /// Records the row also describes (the main contact of a company row).
  public var companions: [MappedRecord] = []
  /// Records of other entities this one points to, checked against the manifest.
  public var references: [RecordReference] = []
  /// The picture to send with a product.
  public var picture: PictureSource? = nil
  /// A representative's e-mail, to match a user SM already has.
  public var email: String = ""
  /// Another key the same record may already have in SM (a contact's derived id).
  public var alternateKey: String? = nil
  /// A shared record's values by Sage label (`FieldSnapshot`), for the three-way
  /// comparison when SM changes it.
  package var sharedFields: [UInt8]? = nil

  public init(key: String, data: [UInt8], salesRep: SalesRepReference, issues: [RowIssue]) {
    self.key = key
    self.data = data
    self.salesRep = salesRep
    self.issues = issues
  }

  public var isRejected: Bool { issues.contains { $0.severity == .error } }
}
