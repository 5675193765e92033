import Foundation
import SageToSalesManagement
import Testing

@testable import PasserelleReading

/// `Risque` is one of Sage's value lists (a level the dossier names, or `Aucun`),
/// not an amount: it reaches `Z_RISQUE` as text, without a warning.
@Suite struct CustomerRiskTests {
  private func mapped(risk: String) -> MappedRecord {
    let export = ExportRow([
      "Code": "C00001", "Société": "Ferronnerie Dupont", "Risque": risk,
    ])
    return CustomerMapping(header: export.header, tables: SalesManagementTables()).map(
      export.row, userId: { _ in nil })
  }

  @Test(arguments: [
    ("Élevé", "Élevé"), ("Surveillance renforcée", "Surveillance renforcée"),
    // Typed by hand where a level was expected: kept as written, never read as a number.
    ("1 500,50", "1 500,50"), ("  Faible ", "Faible"),
  ])
  func aRiskLevelIsCarriedAsText(risk: String, sent: String) {
    let record = mapped(risk: risk)
    #expect(record.issues.isEmpty, "\(record.issueSummary)")
    #expect(record.text.contains(#""Z_RISQUE": "\#(sent)""#), "\(record.text)")
  }

  @Test(arguments: ["Aucun", "AUCUN", "  aucun ", "Aucune", ""])
  func aucunInAnyCaseOrSpacingIsNoRisk(risk: String) {
    let record = mapped(risk: risk)
    #expect(record.issues.isEmpty, "\(record.issueSummary)")
    #expect(record.text.contains(#""Z_RISQUE": """#), "\(record.text)")
  }
}
