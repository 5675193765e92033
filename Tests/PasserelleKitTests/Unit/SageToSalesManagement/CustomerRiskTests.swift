import Foundation
import SageToSalesManagement
import Testing

@testable import PasserelleReading

/// `Z_RISQUE`, which no shipped sample fills, reaches the payload from a row that
/// has a risk (see `ColumnTableTests.keysNoSampleFills`).
@Suite struct CustomerRiskTests {
  @Test func aRiskIsWrittenToZRisque() throws {
    let export = ExportRow([
      "Code": "C00001", "Société": "Ferronnerie Dupont", "Risque": "1 500,50",
    ])
    let record = CustomerMapping(header: export.header, tables: SalesManagementTables()).map(
      export.row, userId: { _ in nil })
    let data = String(decoding: record.data.closed(), as: UTF8.self)
    #expect(data.contains(#""Z_RISQUE": 1500.5"#), "\(data)")
    for key in ColumnTableTests.keysNoSampleFills {
      #expect(data.contains("\"\(key)\": "), "\(key) in \(data)")
    }
  }
}
