import Testing

@testable import PasserelleReading
@testable import SageToSalesManagement

/// Which rows of an `E`/`L` export are headers, lines or neither.
@Suite struct DocumentMappingTests {
  static func kind(of lineType: String) -> String {
    let export = ExportRow(["Type de Ligne": lineType, "N° pièce": "FA0001"])
    switch DocumentMapping(header: export.header).map(export.row) {
    case .header: return "header"
    case .line: return "line"
    case .stray(let issue): return "stray \(issue.value)"
    }
  }

  /// `E` and `L` in either case, with spaces around; anything else is reported as
  /// written, never read as a header or a line.
  @Test(arguments: [
    ("E", "header"), ("e", "header"), (" E ", "header"), ("L", "line"), ("l", "line"),
    ("EL", "stray EL"), ("X", "stray X"), ("", "stray "), ("É", "stray É"), ("%", "stray %"),
  ])
  func aRowIsAHeaderALineOrNeither(lineType: String, expected: String) {
    #expect(Self.kind(of: lineType) == expected)
  }
}
