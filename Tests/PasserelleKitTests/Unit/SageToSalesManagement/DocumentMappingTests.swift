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

  /// A line's text members are written from the row's bytes: in the file's own
  /// encoding, escaped, "Aucun" read as no unit, a mention column the export lacks
  /// left out; the same JSON as from the decoded values.
  @Test func aLinesTextsAreItsValuesWrittenAsJSON() throws {
    let labels = [
      "Type de Ligne", "N° pièce", "Code article", "Description", "Unité", "Quantité",
      "Catégorie de TVA",
    ]
    let cells: [[UInt8]] = [
      [0x4C], Array("FA0001".utf8), Array(" ART\"1 ".utf8),
      Array("Caf".utf8) + [0xE9] + Array(" \u{09}cr".utf8) + [0xE8, 0x6D, 0x65, 0x80],
      Array("Aucun".utf8), Array("2".utf8), Array("S = Taux de TVA standard".utf8),
    ]
    let row = SourceRow(encoding: .windows1252)
    row.line = 7
    for cell in cells { cell.withUnsafeBytes { row.appendField($0) } }
    guard case .line(let line) = DocumentMapping(header: Header(labels: labels)).map(row) else {
      Issue.record("not read as a line")
      return
    }
    let decoded = DocumentLineTexts(
      article: "ART\"1", description: "Café \tcrème€", unit: "", isComment: false,
      vatCategory: "S = Taux de TVA standard")
    #expect(line.texts.beforeAmounts == decoded.beforeAmounts)
    #expect(line.texts.afterAmounts == decoded.afterAmounts)
    #expect(
      String(decoding: line.texts.beforeAmounts, as: UTF8.self)
        == #", "productExtId": "ART\"1", "description": "Café \tcrème€""#)
    #expect(
      String(decoding: line.texts.afterAmounts, as: UTF8.self)
        == #", "unit": "", "comment": false, "Z_CATEGORIE_TVA": "S = Taux de TVA standard""#)
  }
}
