import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleReading
@testable import SageToSalesManagement

/// Rows of a Sage contacts export → SM contacts, linked to their company by code.
@Suite struct ContactMappingTests {
  static func map(_ cells: KeyValuePairs<String, String>) -> MappedRecord {
    let export = ExportRow(cells)
    return ContactMapping(header: export.header).map(export.row)
  }

  static func object(_ record: MappedRecord) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(record.data.closed())) as? [String: Any])
  }

  /// A row of the shipped export: keyed by its Sage code, with the id its company row
  /// gives the same person as the other key SM may know it by (its golden payload
  /// shows it under that id).
  @Test func aSampleRowGivesTheDataOfTheGoldenPayload() throws {
    let export = try ExportRow.sample("Export des contacts.Txt", key: "C00004")
    let record = ContactMapping(header: export.header).map(export.row)
    #expect(record.key == "CT0001")
    #expect(record.alternateKey == "C00004.390b30af")
    #expect(record.issues.isEmpty)
    #expect(
      record.text
        == #"{"extId": "CT0001", "accountExtId": "C00004", "firstName": "Philippe", "lastName": "Arnaud", "readOnly": false, "email": "philippe.arnaud@librairie-renaud.fr", "phone1": "+33235714218", "phone2": "+33681224793", "fax": "", "comment": "Contact principal", "Z_CIVILITE": "M.", "Z_FONCTION": "Gérant", "Z_CONTACT_PRINCIPAL": false, "Z_CODE_CONTACT": "CT0001"}"#
    )
    #expect(
      record.references == [
        RecordReference(
          resource: "accounts", code: "C00004", field: "Code client", idField: "accountId",
          noun: .theCompany)
      ])
  }

  /// Without a Sage code, the id is derived from the company and the person's name,
  /// whatever its case, accents or spacing.
  @Test func aContactWithoutACodeGetsTheIdDerivedFromItsName() throws {
    let record = Self.map([
      "Code client": "C00007", "Code contact": "", "Nom": "Lefèvre", "Prénom": "Hélène",
    ])
    let again = Self.map([
      "Code client": "C00007", "Code contact": "", "Nom": "LEFEVRE", "Prénom": " helene ",
    ])
    let other = Self.map([
      "Code client": "C00007", "Code contact": "", "Nom": "Lefèvre", "Prénom": "Marc",
    ])
    #expect(record.key.wholeMatch(of: /C00007\.[0-9a-f]{8}/) != nil, "\(record.key)")
    #expect(again.key == record.key)
    #expect(other.key != record.key)
    #expect(
      record.key
        == ContactIdentity.derived(
          company: "C00007",
          person: PersonName(civility: "", firstName: "Hélène", lastName: "Lefèvre")))
    // SHA-256 of "lefevre helene", its first 4 bytes in hex: ids already in SM depend on it.
    #expect(record.key == "C00007.22c5edfe")
    #expect(record.alternateKey == nil)
    let data = try Self.object(record)
    #expect(data["extId"] as? String == record.key)
    #expect(data["Z_CODE_CONTACT"] as? String == "")
  }

  /// A single name column is split into civility, first and last name.
  @Test func aWholeNameIsSplit() throws {
    let data = try Self.object(Self.map(["Code client": "C1", "Nom": "Mme Claire DUBOIS"]))
    #expect(data["Z_CIVILITE"] as? String == "Mme")
    #expect(data["firstName"] as? String == "Claire")
    #expect(data["lastName"] as? String == "DUBOIS")
  }

  @Test func aPhoneOrEMailThatIsNotOneIsLeftOutWithAWarning() throws {
    let record = Self.map([
      "Code client": "C1", "Code contact": "CT9", "Nom": "Roux", "Téléphone": "12",
      "E-mail": "roux-at-example.fr",
    ])
    let data = try Self.object(record)
    #expect(data["phone1"] as? String == "")
    #expect(data["email"] as? String == "")
    #expect(
      record.issueSummary == ["warning invalid-email E-mail", "warning invalid-phone Téléphone"])
    #expect(!record.isRejected)
  }

  @Test(arguments: [
    ("", "CT1", "Roux", "error missing-required Code client"),
    ("C1", "CT1", "", "error missing-required Nom"),
    ("C1", String(repeating: "K", count: 31), "Roux", "error key-too-long Code contact"),
  ])
  func aRowSMCannotTakeIsRejectedWithItsReason(
    company: String, code: String, name: String, issue: String
  ) {
    let record = Self.map(["Code client": company, "Code contact": code, "Nom": name])
    #expect(record.isRejected)
    #expect(record.issueSummary == [issue])
    #expect(record.data.isAbsent)
    // The report still names the row by its code.
    #expect(record.key == code)
  }
}
