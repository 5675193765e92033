import Foundation
import Testing

@testable import PasserelleReading

/// Each export's column table is declared once and read by recognition and the
/// mapping: its labels must not overlap, every SM key it names must be what the
/// mapping writes (the golden payload of the entity holds it), and its positions
/// must be found by label or alias.
@Suite struct ColumnTableTests {
  static func keys<Table: ColumnTable>(_ table: Table.Type) -> [String] {
    Table.allCases.flatMap { $0.field.keys }
  }

  static func salesManagementKeys<Table: ColumnTable>(_ table: Table.Type) -> [String] {
    Table.allCases.compactMap(\.column.salesManagementKey)
  }

  @Test func noTwoColumnsOfATableShareALabel() {
    for keys in [Self.keys(ArticleColumn.self)] {
      #expect(Set(keys).count == keys.count, "\(keys)")
    }
  }

  @Test func everySalesManagementKeyIsInTheGoldenPayload() throws {
    let tables: [(keys: [String], golden: String)] = [
      (Self.salesManagementKeys(ArticleColumn.self), "articles-tab.products.json")
    ]
    for table in tables {
      let payload = try String(
        contentsOf: Golden.folder.appendingPathComponent(table.golden), encoding: .utf8)
      for key in table.keys {
        #expect(payload.contains("\"\(key)\": "), "\(key) is not in \(table.golden)")
      }
    }
  }

  @Test func positionsAreFoundByLabelOrAlias() {
    let header = Header(labels: ["Référence", "Libellé", "Prix HT", "Autre"])
    let columns = ColumnPositions<ArticleColumn>(header)
    #expect(columns[.code] == 0)
    #expect(columns[.shortName] == 1)
    #expect(columns[.price] == 2)
    #expect(columns[.picture] == nil)
  }

  @Test func recognitionRequiresTheColumnsATableRequires() {
    #expect(
      EntityRecognizer.requiredFields(of: ArticleColumn.self).map(\.label)
        == ["Code", "Désignation courte"])
  }
}
