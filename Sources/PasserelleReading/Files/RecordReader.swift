import PasserelleCore

/// A streaming source of records: a header (column labels) then rows, in file
/// order. Readers know files and formats, never what the records mean.
package protocol RecordReader: Sendable {
  /// The column labels, in the order row columns are numbered. Available once
  /// `read` has called `header`.
  func read(header: ([String]) throws -> Void, row: (SourceRow) throws -> Void) throws
}
