import PasserelleCore

/// A reference from one record to another entity's record, by Sage code. The
/// record is kept only when the manifest knows the target; SM's id is added when
/// known (after fingerprinting: ids are not content).
package struct RecordReference: Sendable, Equatable {
  package var resource: String
  package var code: String
  /// The Sage label the code came from, for the report.
  package var field: String
  /// The SM field that takes the target's id, e.g. `accountId`.
  package var idField: String
  /// The record named in a report line, e.g. "the company".
  package var noun: MessageKey
}
