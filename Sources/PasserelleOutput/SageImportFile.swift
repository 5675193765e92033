import PasserelleCore

/// One Sage import file of a batch (`<batch>-<suffix>.txt` in the Sage folder),
/// created with its first row and kept under a temporary name until the batch
/// commits.
package final class SageImportFile {
  package let labels: [String]
  let path: String
  let temporaryPath: String
  private var writer: SageImportWriter? = nil

  package init(folder: String, batch: String, suffix: String, labels: [String]) {
    self.labels = labels
    path = "\(folder)/\(batch)-\(suffix).txt"
    temporaryPath = "\(folder)/.\(batch)-\(suffix).txt.tmp"
  }

  /// What one value became in the file.
  package struct Written {
    /// The value as Sage will read it.
    package var value: String
    package var replaced: Bool
    package var truncated: Bool
  }

  /// Encodes a value as it will be written, cut to `length` characters.
  package static func prepare(_ value: String, length: Int? = nil) -> (
    bytes: [UInt8], written: Written
  ) {
    let encoded = SageImportWriter.encode(value)
    var bytes = encoded.bytes
    var truncated = false
    if let length, bytes.count > length {
      bytes = Array(bytes.prefix(length))
      // A cut leaves no trailing space behind.
      while bytes.last == 0x20 { bytes.removeLast() }
      truncated = true
    }
    let written = bytes.withUnsafeBytes { Windows1252.decode($0) }
    return (bytes, Written(value: written, replaced: encoded.replaced, truncated: truncated))
  }

  /// The warning for a value that lost characters on its way to Windows-1252.
  /// Accents it lacks are dropped (`ō` → `o`) and tabs or line breaks become
  /// spaces, silently; only a lost character is reported.
  package static func replacedIssue(line: Int, key: String, field: String, value: String)
    -> RowIssue
  {
    RowIssue(
      line: line, key: key, field: field, severity: .warning, code: .textNotRepresentable,
      message: Message(.textNotRepresentable),
      value: value)
  }

  /// Writes one row of values in column order.
  package func write(_ row: [[UInt8]]) throws {
    if writer == nil { writer = try SageImportWriter(path: temporaryPath, labels: labels) }
    try writer!.writeRow(row)
  }

  package func finish() throws -> BatchOutput? {
    guard let writer else { return nil }
    try writer.close()
    return BatchOutput(kind: "sage-import", path: path, temporaryPath: temporaryPath)
  }
}
