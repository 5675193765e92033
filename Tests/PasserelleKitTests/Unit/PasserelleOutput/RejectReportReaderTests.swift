import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleOutput

@Suite struct RejectReportReaderTests {
  func write(_ issues: [RowIssue], in scratch: ScratchFolder) throws -> String {
    let path = scratch.file("batch-clients.Txt.rejects.csv")
    let writer = try RejectReportWriter(path: path, language: .english)
    for issue in issues { try writer.write(issue) }
    try writer.close()
    return path
  }

  func rows(_ path: String, maximumCellBytes: Int = 512) throws -> [RejectReportReader.Row] {
    var rows: [RejectReportReader.Row] = []
    try RejectReportReader.forEachRow(path: path, maximumCellBytes: maximumCellBytes) {
      rows.append($0)
    }
    return rows
  }

  @Test func rowsReadBackAsTheWriterWroteThem() throws {
    let scratch = try TestFiles.scratch()
    let path = try write(
      [
        RowIssue(
          line: 4, key: "", field: "Code", severity: .error, code: .missingKey,
          message: .verbatim("the customer has no Sage code"), value: ""),
        RowIssue(
          line: 7, key: "C00006", field: "SIRET", severity: .warning, code: .invalidSIRET,
          message: .verbatim("Luhn checksum fails; left out"), value: "say \"hi\";\nthen\r\nbye"),
        RowIssue(
          line: 0, key: "<script>alert(1)</script>", field: "Société", severity: .error,
          code: .refusedBySalesManagement, message: .verbatim("SM: branchId is required"),
          value: "-5"),
      ], in: scratch)
    let read = try rows(path)
    #expect(read.count == 3)
    #expect(
      read[0]
        == RejectReportReader.Row(
          line: 4, key: "", field: "Code", severity: "error", code: "missing-key",
          message: "the customer has no Sage code", value: ""))
    #expect(read[1].message == "Luhn checksum fails; left out")
    #expect(read[1].value == "say \"hi\";\nthen\r\nbye")
    #expect(read[2].line == nil)
    #expect(read[2].key == "<script>alert(1)</script>")
    // A neutralised cell keeps the quote a spreadsheet needs.
    #expect(read[2].value == "'-5")
  }

  @Test func aLongCellKeepsItsStartOnly() throws {
    let scratch = try TestFiles.scratch()
    let long = String(repeating: "x", count: 100_000)
    let path = try write(
      [
        RowIssue(
          line: 2, key: "C1", field: "Observations", severity: .warning, code: .tooLarge,
          message: .verbatim("too long"), value: long),
        RowIssue(
          line: 3, key: "C2", field: "E-mail", severity: .warning, code: .invalidEmail,
          message: .verbatim("no '@'; left out"), value: "a.b"),
      ], in: scratch)
    let read = try rows(path, maximumCellBytes: 64)
    #expect(read.count == 2)
    #expect(read[0].value == String(repeating: "x", count: 64) + "…")
    #expect(read[1].key == "C2" && read[1].value == "a.b")
  }

  @Test func aReportCutShortLosesOnlyItsLastRow() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("cut.rejects.csv")
    let text =
      "line;key;field;severity;code;message;value\r\n2;C1;Code;error;missing-key;m;\r\n3;C2"
    try Data(RejectReportWriter.head.prefix(3) + Array(text.utf8)).write(
      to: URL(fileURLWithPath: path))
    let read = try rows(path)
    #expect(read.map(\.key) == ["C1"])
  }
}
