import Foundation

/// One line of a reject report: what is wrong with a row, where, and what was done.
/// The message stays a catalogue message until the report is written in its language.
package struct RowIssue: Sendable, Equatable {
  package var line: Int
  package var key: String
  package var field: String
  package var severity: Severity
  package var code: ReasonCode
  package var message: Message
  package var value: String

  package init(
    line: Int, key: String, field: String, severity: Severity, code: ReasonCode,
    message: Message, value: String
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
