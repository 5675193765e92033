/// The rejected rows and warnings of one reason code across the latest row reports,
/// as the page shows them: counts, the first rows, and the reports they are in.
package struct RejectGroup: Sendable {
  /// A row report that holds rows of this reason.
  package struct Report: Sendable, Equatable {
    /// The file the batch converted.
    package var file: String
    /// The report's path relative to `out/`, nil when it is elsewhere.
    package var link: String?
    /// Its name, for a report outside `out/`.
    package var name: String
    package var rows: Int

    package init(file: String, link: String?, name: String, rows: Int = 0) {
      self.file = file
      self.link = link
      self.name = name
      self.rows = rows
    }
  }

  /// One row, with the file it came from.
  package struct Row: Sendable, Equatable {
    package var file: String
    package var sample: RowReportDigest.Sample
  }

  /// The reason code, as the reports write it.
  package var code: String
  /// Rows left out, and rows that went through with a warning.
  package var errors = 0
  package var warnings = 0
  /// The first rows, newest report first; at most `RowReportDigest.samplesKept`.
  package var rows: [Row] = []
  /// The reports holding rows of this reason, newest first.
  package var reports: [Report] = []

  /// Rows not listed.
  package var more: Int { errors + warnings - rows.count }

  /// One group per reason code, the newest report's rows first; groups holding
  /// errors before those of warnings only, then by size.
  /// - Parameter digests: newest first, each with the report it digests.
  package static func groups(_ digests: [(report: Report, digest: RowReportDigest)])
    -> [RejectGroup]
  {
    var groups: [String: RejectGroup] = [:]
    for (report, digest) in digests {
      for (code, reason) in digest.reasons {
        var group = groups[code] ?? RejectGroup(code: code)
        group.errors += reason.errors
        group.warnings += reason.warnings
        let room = RowReportDigest.samplesKept - group.rows.count
        group.rows += reason.samples.prefix(max(0, room)).map {
          Row(file: report.file, sample: $0)
        }
        var mentioned = report
        mentioned.rows = reason.errors + reason.warnings
        group.reports.append(mentioned)
        groups[code] = group
      }
    }
    return groups.values.sorted {
      ($0.errors > 0 ? 0 : 1, -($0.errors + $0.warnings), $0.code)
        < ($1.errors > 0 ? 0 : 1, -($1.errors + $1.warnings), $1.code)
    }
  }
}
