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

public enum SalesRepReference: Sendable, Equatable {
  case none
  case mapped(Int)
  case unmapped(String)
}

/// A reference from one record to another entity's record, by Sage code. The
/// record is kept only when the manifest knows the target; SM's id is added when
/// known (after fingerprinting: ids are not content).
public struct RecordReference: Sendable, Equatable {
  public var resource: String
  public var code: String
  /// The Sage label the code came from, for the report.
  public var field: String
  /// The SM field that takes the target's id, e.g. `accountId`.
  public var idField: String
  /// The entity named in a report line, e.g. "company".
  public var noun: String
}

/// Where a product's picture comes from.
public enum PictureSource: Sendable, Equatable {
  /// A path or file name written in the export.
  case path(String)
  /// No path: a picture named after the article code, if one exists.
  case code(String)
}
