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
    for keys in [
      Self.keys(ArticleColumn.self), Self.keys(DocumentColumn.self), Self.keys(CustomerColumn.self),
      Self.keys(ProspectColumn.self), Self.keys(ContactColumn.self),
      Self.keys(MainContactColumn.self), Self.keys(RepresentativeColumn.self),
    ] {
      #expect(Set(keys).count == keys.count, "\(keys)")
    }
  }

  @Test func everySalesManagementKeyIsInTheGoldenPayload() throws {
    // Documents feed two resources: invoices and credit notes `sales`, priced
    // quotes `salesorders`; each key is in the payload of one of them.
    let tables: [(keys: [String], goldens: [String])] = [
      (Self.salesManagementKeys(ArticleColumn.self), ["articles-tab.products.json"]),
      (
        Self.salesManagementKeys(DocumentColumn.self),
        ["invoices-tab.sales.json", "quotes-tab.salesorders.json"]
      ),
      (Self.salesManagementKeys(CustomerColumn.self), ["customers-tab.accounts.json"]),
      (Self.salesManagementKeys(ProspectColumn.self), ["prospects-tab.accounts.json"]),
      (Self.salesManagementKeys(ContactColumn.self), ["contacts-tab.contacts.json"]),
      // No golden file holds a main contact's payload: it fills the same SM contact
      // fields a contacts export does.
      (Self.salesManagementKeys(MainContactColumn.self), ["contacts-tab.contacts.json"]),
      (Self.salesManagementKeys(RepresentativeColumn.self), ["representatives-tab.users.json"]),
    ]
    for table in tables {
      let payloads = try table.goldens.map {
        try String(contentsOf: Golden.folder.appendingPathComponent($0), encoding: .utf8)
      }
      for key in table.keys {
        #expect(
          payloads.contains { $0.contains("\"\(key)\": ") },
          "\(key) is not in \(table.goldens.joined(separator: " or "))")
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
    #expect(
      EntityRecognizer.requiredFields(of: DocumentColumn.self).map(\.label)
        == ["Type de Ligne", "Type de pièce", "N° pièce", "Date pièce", "Code client"])
    #expect(EntityRecognizer.requiredFields(of: CustomerColumn.self).map(\.label) == ["Code"])
    #expect(
      EntityRecognizer.requiredFields(of: ProspectColumn.self).map(\.label) == ["Code prospect"])
    #expect(
      EntityRecognizer.requiredFields(of: ContactColumn.self).map(\.label) == [
        "Code client", "Nom",
      ])
    #expect(
      EntityRecognizer.requiredFields(of: RepresentativeColumn.self).map(\.label) == [
        "Code", "Nom",
      ])
  }
}
