import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleOutput

@Suite struct RejectGroupTests {
  func report(_ issues: some Sequence<RowIssue>, named name: String, in scratch: ScratchFolder)
    throws -> String
  {
    let path = scratch.file(name)
    let writer = try RejectReportWriter(path: path, language: .english)
    for issue in issues { try writer.write(issue) }
    try writer.close()
    return path
  }

  func issue(_ line: Int, _ code: ReasonCode, _ severity: Severity = .error) -> RowIssue {
    RowIssue(
      line: line, key: "C\(line)", field: "Code", severity: severity, code: code,
      message: .verbatim("m"), value: "v\(line)")
  }

  /// A report of 100,000 rows keeps counts and the first rows of each reason only.
  @Test func aLargeReportIsDigestedInBoundedMemory() throws {
    let scratch = try TestFiles.scratch()
    let rows = (2..<100_002).lazy.map { line in
      line % 10 == 0 ? self.issue(line, .invalidEmail, .warning) : self.issue(line, .missingKey)
    }
    let path = try report(rows, named: "big.rejects.csv", in: scratch)
    let digest = try RowReportDigest.read(path: path)
    #expect(digest.reasons.count == 2)
    let missing = try #require(digest.reasons["missing-key"])
    #expect(missing.errors == 90_000 && missing.warnings == 0)
    #expect(missing.samples.count == RowReportDigest.samplesKept)
    #expect(missing.samples.first?.line == 2 && missing.samples.first?.key == "C2")
    let email = try #require(digest.reasons["invalid-email"])
    #expect(email.warnings == 10_000 && email.errors == 0)
    #expect(email.samples.map(\.line).prefix(2) == [10, 20])
  }

  @Test func groupsMergeReportsNewestFirstErrorsBeforeWarnings() throws {
    let scratch = try TestFiles.scratch()
    let newest = try RowReportDigest.read(
      path: report(
        (1...15).map { issue($0, .missingKey) } + [issue(40, .invalidPhone, .warning)],
        named: "new.rejects.csv", in: scratch))
    let oldest = try RowReportDigest.read(
      path: report(
        (100...109).map { issue($0, .missingKey) }
          + (200...299).map {
            issue($0, .invalidPhone, .warning)
          }, named: "old.rejects.csv", in: scratch))
    let groups = RejectGroup.groups([
      (RejectGroup.Report(file: "new.Txt", link: "rejects/new.rejects.csv", name: "new"), newest),
      (RejectGroup.Report(file: "old.Txt", link: nil, name: "old"), oldest),
    ])
    // Errors first, though the warnings are more.
    #expect(groups.map(\.code) == ["missing-key", "invalid-phone"])
    let missing = groups[0]
    #expect(missing.errors == 25 && missing.rows.count == 20 && missing.more == 5)
    #expect(missing.rows.first?.file == "new.Txt" && missing.rows.first?.sample.line == 1)
    #expect(missing.rows.last?.file == "old.Txt" && missing.rows.last?.sample.line == 104)
    #expect(missing.reports.map(\.rows) == [15, 10])
    #expect(missing.reports.map(\.link) == ["rejects/new.rejects.csv", nil])
    let phone = groups[1]
    #expect(phone.warnings == 101 && phone.more == 81)
    #expect(phone.rows.first?.sample.line == 40)
  }
}
