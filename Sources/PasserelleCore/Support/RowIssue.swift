import Foundation

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
