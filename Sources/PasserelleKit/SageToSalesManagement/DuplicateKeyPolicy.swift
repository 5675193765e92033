import PasserelleCore
import PasserelleManifest

/// The rule for a key found twice in one file, shared by keyed exports and
/// documents: both rows are rejected, each reported with the other's line, and
/// what the first row emitted is withdrawn from the payload.
struct DuplicateKeyPolicy {
  /// What a report line says: two rows with one code, or two documents with one number.
  let message: MessageKey
  /// The Sage label of the key.
  let field: String

  /// Applies the rule to the row at `line`, a repeat of `key`. `firstWasRejected`
  /// says whether the first row was already counted as rejected. Returns whether
  /// this is the first repeat (the first row's own outputs are then withdrawn).
  @discardableResult
  func reject(
    key: String, line: Int, repeated: RecordStaging.Repeat, firstWasRejected: Bool,
    payload: PayloadFile?, report: ReportFile, counts: inout BatchCounts
  ) throws -> Bool {
    try report.note(issue(key: key, line: line, otherLine: repeated.firstLine))
    counts.rejected += 1
    guard repeated.isFirstRepeat else { return false }
    try report.note(issue(key: key, line: repeated.firstLine, otherLine: line))
    if let first = repeated.firstOperation, let payload {
      payload.removed.insert(first)
      counts.emitted -= 1
      counts.rejected += 1
    } else if !firstWasRejected {
      counts.unchanged -= 1
      counts.rejected += 1
    }
    return true
  }

  private func issue(key: String, line: Int, otherLine: Int) -> RowIssue {
    RowIssue(
      line: line, key: key, field: field, severity: .error, code: .duplicateKey,
      message: Message(message, ["line": .number(otherLine)]),
      value: key)
  }
}
