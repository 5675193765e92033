/// One line of a reject report: what is wrong with a row, where, and what was done.
public struct RowIssue: Sendable, Equatable {
  public var line: Int
  public var key: String
  public var field: String
  public var severity: Severity
  public var code: ReasonCode
  public var message: String
  public var value: String

  public init(
    line: Int, key: String, field: String, severity: Severity, code: ReasonCode,
    message: String, value: String
  ) {
    self.line = line
    self.key = key
    self.field = field
    self.severity = severity
    self.code = code
    self.message = message
    self.value = value
  }
}

/// A row turned into Sales Management fields, or the reasons it could not be.
public struct MappedRecord: Sendable {
  public var key: String
  /// The SM `data` object (v4 field names), serialised in the mapping's field order.
  public var data: [UInt8]
  /// The Sage representative code, resolved to an SM user by the caller.
  public var salesRep: SalesRepReference
  public var issues: [RowIssue]

  public var isRejected: Bool { issues.contains { $0.severity == .error } }
}

public enum SalesRepReference: Sendable, Equatable {
  case none
  case mapped(Int)
  case unmapped(String)
}
