import PasserelleOutput

/// What one row report holds, by reason code: how many errors and warnings, and
/// its first rows. Read as a stream: a report of 100,000 rows costs the memory of
/// its first `samplesKept` rows per reason.
package struct RowReportDigest: Sendable {
  /// One row of the report, as the page shows it.
  package struct Sample: Sendable, Equatable {
    package var line: Int?
    package var key: String
    package var field: String
    package var severity: String
    package var value: String

    package init(line: Int?, key: String, field: String, severity: String, value: String) {
      self.line = line
      self.key = key
      self.field = field
      self.severity = severity
      self.value = value
    }
  }

  /// The rows of one reason code.
  package struct Reason: Sendable {
    package var errors = 0
    package var warnings = 0
    package var samples: [Sample] = []
  }

  /// How many rows of each reason are kept to show.
  package static let samplesKept = 20

  /// The rows of each reason code, by code as the report writes it.
  package private(set) var reasons: [String: Reason] = [:]

  package init() {}

  /// Reads the report at `path` (as `RejectReportWriter` writes it).
  package static func read(path: String) throws -> RowReportDigest {
    var digest = RowReportDigest()
    try RejectReportReader.forEachRow(path: path) { digest.add($0) }
    return digest
  }

  /// Counts one row, kept to show while its reason has fewer than `samplesKept`.
  package mutating func add(_ row: RejectReportReader.Row) {
    var reason = reasons[row.code] ?? Reason()
    if row.severity == "error" { reason.errors += 1 } else { reason.warnings += 1 }
    if reason.samples.count < Self.samplesKept {
      reason.samples.append(
        Sample(
          line: row.line, key: row.key, field: row.field, severity: row.severity, value: row.value
        ))
    }
    reasons[row.code] = reason
  }
}
