import Foundation
import Testing

@testable import PasserelleCore
@testable import SalesManagementToSage

/// One prospect or contact of a Sales Management file, read (`docs/exchange-contract.md`).
@Suite struct SalesManagementRecordTests {
  static func record(
    _ json: String, _ resource: SalesManagementRecord.Resource, line: Int = 4
  ) throws -> SalesManagementRecord {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    return SalesManagementRecord(object, resource: resource, line: line)
  }

  static func summary(_ record: SalesManagementRecord) -> [String] {
    record.issues.map { "\($0.severity.rawValue) \($0.code.rawValue) \($0.field)" }
  }

  /// Only the keys SM sent are values: a key left out is not a change, `null` empties.
  @Test func aProspectKeepsTheValuesSMSentAndOnlyThose() throws {
    let record = try Self.record(
      """
      {"id": 12, "extId": " P00004 ", "name": " Fromagerie Dumas ", "phone": null,
       "postcode": 75001, "salesRepId1": {"id": 3}, "countryId": 73, "unknown": "x"}
      """, .accounts)
    #expect(Self.summary(record).isEmpty)
    #expect(record.id == 12)
    #expect(record.extId == "P00004")
    #expect(record.key == "P00004")
    #expect(!record.deleted)
    #expect(record.values == ["name": "Fromagerie Dumas", "phone": "", "postcode": "75001"])
    #expect(record.salesRep == .id(3))
    #expect(record.countryId == 73)
    #expect(record.company == SalesManagementReference.none)
  }

  @Test func aContactNamesItsCompanyAndSharedExtras() throws {
    let record = try Self.record(
      """
      {"id": 7, "accountExtId": "C00004", "accountId": 99, "firstName": "Hélène",
       "Z_CIVILITE": "Mme", "Z_FONCTION": "Gérante", "deleted": true}
      """, .contacts)
    #expect(Self.summary(record).isEmpty)
    #expect(record.key == "SM-7")
    #expect(record.extId == "")
    #expect(record.deleted)
    // The external id wins: it needs no translation.
    #expect(record.company == .extId("C00004"))
    #expect(record.values == ["firstName": "Hélène", "civility": "Mme", "role": "Gérante"])
  }

  /// A value of another kind than text is left as Sage holds it, with a warning.
  @Test func aValueThatIsNotTextIsLeftAsSageHoldsIt() throws {
    let record = try Self.record(
      #"{"extId": "P1", "city": ["Lyon"], "web": true, "name": "Roux"}"#, .accounts)
    #expect(record.values == ["name": "Roux"])
    #expect(
      Set(Self.summary(record)) == [
        "warning unmapped-value city", "warning unmapped-value web",
      ])
    #expect(record.issues.allSatisfy { $0.line == 4 && $0.key == "P1" })
  }

  @Test(arguments: [
    (#"{"id": "douze", "extId": "P1"}"#, "error wrong-type id"),
    (#"{"id": true, "extId": "P1"}"#, "error wrong-type id"),
    (#"{"id": 1, "extId": 12}"#, "error wrong-type extId"),
    (#"{"id": 1, "deleted": "oui"}"#, "error wrong-type deleted"),
    (#"{"name": "Roux"}"#, "error missing-key id"),
    (#"{"id": null, "extId": "  "}"#, "error missing-key id"),
  ])
  func aRecordWithoutAUsableKeyIsRefused(json: String, issue: String) throws {
    #expect(Self.summary(try Self.record(json, .accounts)) == [issue])
  }

  @Test func sharedKeysGoBackUnderSMsFieldNames() {
    #expect(SalesManagementRecord.dataKey("city", resource: .accounts) == "city")
    #expect(SalesManagementRecord.dataKey("country", resource: .accounts) == nil)
    #expect(SalesManagementRecord.dataKey("civility", resource: .contacts) == "Z_CIVILITE")
    #expect(SalesManagementRecord.dataKey("role", resource: .contacts) == "Z_FONCTION")
    #expect(SalesManagementRecord.dataKey("company", resource: .contacts) == nil)
  }
}
