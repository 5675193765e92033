import Foundation
import SageToSalesManagement
import Testing

@testable import PasserelleReading

/// Values are checked from the row's bytes where they are ASCII, and decoded first
/// where they are not: both ways give the same verdict, and a warning quotes the
/// value as the file wrote it.
@Suite struct CustomerValueChecksTests {
  private func mapped(_ cells: KeyValuePairs<String, String>) -> MappedRecord {
    var all: [(String, String)] = [("Code", "C00001"), ("Société", "Ferronnerie Dupont")]
    all += cells.map { ($0.key, $0.value) }
    let export = ExportRow(labels: all.map(\.0), values: all.map(\.1))
    return CustomerMapping(header: export.header, tables: SalesManagementTables()).map(
      export.row, userId: { _ in nil })
  }

  @Test func asciiAndAccentedValuesCheckAlike() {
    let record = mapped([
      "Encours autorisé": "1\u{00A0}234,50", "Bloqué": "Oui", "Téléphone": "01 23 45 67 89",
      "E-mail": "Contact@Dupont.FR", "Date de création": "28/11/2026", "SIRET": "732 829 320 00074",
    ])
    #expect(record.issues.isEmpty, "\(record.issueSummary)")
    for member in [
      #""Z_ENCOURS_AUTORISE": 1234.5"#, #""Z_BLOQUE": true"#, #""phone": "+33123456789""#,
      #""email": "Contact@dupont.fr""#, #""Z_DATE_CREATION": "2026-11-28""#,
      #""Z_SIRET": "73282932000074""#,
    ] {
      #expect(record.text.contains(member), "\(member) in \(record.text)")
    }
  }

  @Test func aValueThatDoesNotCheckIsQuotedAsWritten() {
    let record = mapped([
      "Téléphone": "01 23 45 67 8é", "Bloqué": "Peut-être", "Encours autorisé": "12 €",
    ])
    #expect(
      record.issues.map { "\($0.code.rawValue) \($0.value)" }.sorted() == [
        "bad-number 12 €", "bad-number Peut-être", "invalid-phone 01 23 45 67 8é",
      ])
    #expect(record.text.contains(#""phone": "", "#), "\(record.text)")
    #expect(record.text.contains(#""Z_BLOQUE": false"#), "\(record.text)")
    #expect(!record.text.contains("Z_ENCOURS_AUTORISE"), "\(record.text)")
  }
}
