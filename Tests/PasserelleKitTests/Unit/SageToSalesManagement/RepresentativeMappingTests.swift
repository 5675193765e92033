import Foundation
import Testing

@testable import PasserelleReading
@testable import SageToSalesManagement

/// Rows of a Sage representatives export → SM users (`docs/sync-rules.md`).
@Suite struct RepresentativeMappingTests {
  static func map(_ cells: KeyValuePairs<String, String>) -> MappedRecord {
    let export = ExportRow(cells)
    return RepresentativeMapping(header: export.header).map(export.row)
  }

  static func object(_ record: MappedRecord) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(record.data.closed())) as? [String: Any])
  }

  @Test func aSampleRowGivesTheDataOfTheGoldenPayload() throws {
    let export = try ExportRow.sample("Export des représentants.Txt", key: "R01")
    let record = RepresentativeMapping(header: export.header).map(export.row)
    #expect(record.key == "R01")
    #expect(record.issues.isEmpty)
    #expect(
      record.text
        == #"{"name": "Sophie", "lastName": "LAMBERT", "email": "s.lambert@valmont-distribution.fr", "extId": "R01", "isActive": true, "Z_CIVILITE": "Mme", "Z_FONCTION": "Responsable de secteur", "Z_REGION": "Île-de-France", "Z_TELEPHONE": "+33146057218", "Z_PORTABLE": "+33612487325", "Z_COMMISSION": 5}"#
    )
    #expect(record.email == "s.lambert@valmont-distribution.fr")
  }

  /// With a first-name column, `Nom` is the last name; the e-mail's domain is written
  /// in lower case, and the whole address, lowercased, is what matches a user SM has.
  @Test func aFirstNameColumnKeepsNomAsTheLastName() throws {
    let record = Self.map([
      "Code": "R07", "Nom": "Martin", "Prénom": "Jean Paul", "E-mail": "JP.Martin@Example.fr",
      "Commission": "2,5",
    ])
    #expect(record.issues.isEmpty)
    #expect(
      record.text
        == #"{"name": "Jean Paul", "lastName": "Martin", "email": "JP.Martin@example.fr", "extId": "R07", "isActive": true, "Z_CIVILITE": "", "Z_FONCTION": "", "Z_REGION": "", "Z_TELEPHONE": "", "Z_PORTABLE": "", "Z_COMMISSION": 2.5}"#
    )
    #expect(record.email == "jp.martin@example.fr")
  }

  /// A name of one word is SM's `name`, with no last name.
  @Test func aSingleWordNameIsTheUsersName() throws {
    let data = try Self.object(Self.map(["Code": "R08", "Nom": "Commercial"]))
    #expect(data["name"] as? String == "Commercial")
    #expect(data["lastName"] as? String == "")
  }

  /// Phones are read by the representative's country's numbering: a Belgian number
  /// is kept as written, digits only; read as French, it is one digit short.
  @Test func phonesFollowTheRepresentativesCountry() throws {
    let belgian = Self.map([
      "Code": "R09", "Nom": "Paul DURAND", "Téléphone": "02 123 45 67", "Pays": "Belgique",
    ])
    #expect(try Self.object(belgian)["Z_TELEPHONE"] as? String == "021234567")
    #expect(belgian.issues.isEmpty)
    let french = Self.map(["Code": "R09", "Nom": "Paul DURAND", "Téléphone": "02 123 45 67"])
    #expect(try Self.object(french)["Z_TELEPHONE"] as? String == "")
    #expect(french.issueSummary == ["warning invalid-phone Téléphone"])
    let paris = Self.map(["Code": "R09", "Nom": "Paul DURAND", "Téléphone": "01 46 05 72 18"])
    #expect(try Self.object(paris)["Z_TELEPHONE"] as? String == "+33146057218")
  }

  @Test func anEMailThatIsNotOneIsLeftOutWithAWarning() throws {
    let record = Self.map(["Code": "R10", "Nom": "Paul DURAND", "E-mail": "paul.durand"])
    #expect(try Self.object(record)["email"] as? String == "")
    #expect(record.email == "")
    #expect(record.issueSummary == ["warning invalid-email E-mail"])
  }

  @Test(arguments: [
    ("", "Paul DURAND", "error missing-key Code"),
    ("REPRESENTANT-1", "Paul DURAND", "error key-too-long Code"),
    ("R11", "", "error missing-required Nom"),
  ])
  func aRowSMCannotTakeIsRejectedWithItsReason(code: String, name: String, issue: String) {
    let record = Self.map(["Code": code, "Nom": name])
    #expect(record.isRejected)
    #expect(record.issueSummary == [issue])
    #expect(record.data.isAbsent)
  }
}
