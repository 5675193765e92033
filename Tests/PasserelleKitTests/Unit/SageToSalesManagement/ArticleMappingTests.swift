import Foundation
import Testing

@testable import PasserelleReading
@testable import SageToSalesManagement

/// Sage article rows → SM product data, one row at a time (`docs/sync-rules.md`).
@Suite struct ArticleMappingTests {
  static func map(
    _ cells: KeyValuePairs<String, String>, tables: SalesManagementTables = SalesManagementTables()
  ) -> MappedRecord {
    let export = ExportRow(cells)
    return ArticleMapping(header: export.header, tables: tables).map(export.row)
  }

  static func object(_ record: MappedRecord) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(record.data.closed())) as? [String: Any])
  }

  /// A row of the shipped export gives, byte for byte, the data its golden payload holds.
  @Test func aSampleRowGivesTheDataOfTheGoldenPayload() throws {
    let export = try ExportRow.sample("Export des articles.Txt", key: "ART0001")
    let record = ArticleMapping(header: export.header, tables: SalesManagementTables()).map(
      export.row)
    #expect(record.key == "ART0001")
    #expect(record.issues.isEmpty)
    #expect(
      record.text
        == #"{"model": "Perceuse-visseuse 18 V", "extId": "ART0001", "description": "Perceuse-visseuse sans fil 18 V, 2 batteries 2 Ah, chargeur et coffret", "price": 189, "readOnly": true, "notAvailable": false, "stock": 14, "Z_STOCK": "14", "Z_FAMILLE": "OUTILLAGE", "Z_PRIX_TTC": 226.8, "Z_TAUX_TVA": 20, "Z_CODE_TVA": "1", "Z_UNITE": "Pièce", "Z_MARQUE": "Ferronor", "Z_CATEGORIE": "", "Z_CODE_BARRE": "3760123450010", "Z_STOCK_MINIMUM": 3, "Z_SUIVI_STOCK": true, "Z_BLOQUE": false, "Z_MIS_EN_SOMMEIL": false, "Z_INUTILISE": false, "Z_PUBLIABLE_WEB": true, "Z_DATE_CREATION": "2021-03-12"}"#
    )
    #expect(record.picture == .path(#"C:\Sage\Images\ART0001.jpg"#))
  }

  @Test func aSmallRowIsWrittenInTheMappingsFieldOrder() {
    let record = Self.map([
      "Code": "VIS-6", "Désignation courte": "Vis 6 mm", "Prix de vente HT": "0,50",
      "Stock réel": "-2,75", "Bloqué": "Oui",
    ])
    #expect(record.issues.isEmpty)
    #expect(
      record.text
        == #"{"model": "Vis 6 mm", "extId": "VIS-6", "description": "", "price": 0.5, "readOnly": true, "notAvailable": true, "stock": -2, "Z_STOCK": "-2.75", "Z_FAMILLE": "", "Z_CODE_TVA": "", "Z_UNITE": "", "Z_MARQUE": "", "Z_CATEGORIE": "", "Z_CODE_BARRE": "", "Z_SUIVI_STOCK": true, "Z_BLOQUE": true, "Z_MIS_EN_SOMMEIL": false, "Z_INUTILISE": false, "Z_PUBLIABLE_WEB": false}"#
    )
    // No picture path: one named after the code, if there is one.
    #expect(record.picture == .code("VIS-6"))
  }

  /// An article that does not track stock shows a dash in SM, never 0.
  @Test func anArticleWithoutStockTrackingShowsADash() throws {
    let record = Self.map([
      "Code": "SERV1", "Désignation courte": "Main d'œuvre", "Suivi stock": "Non",
      "Stock réel": "12",
    ])
    let data = try Self.object(record)
    #expect(data["stock"] is NSNull)
    #expect(data["Z_STOCK"] as? String == "-")
    #expect(data["Z_SUIVI_STOCK"] as? Bool == false)
  }

  @Test(arguments: ["Bloqué", "Mis en sommeil", "Article inutilisé"])
  func aBlockedDormantOrUnusedArticleIsNotAvailable(flag: String) throws {
    let available = try Self.object(Self.map(["Code": "A1", "Désignation courte": "x"]))
    let record = Self.map(["Code": "A1", "Désignation courte": "x", flag: "Oui"])
    #expect(available["notAvailable"] as? Bool == false)
    #expect(try Self.object(record)["notAvailable"] as? Bool == true)
  }

  @Test func aConfiguredFamilyGivesItsIdAndAnUnknownOneAWarning() throws {
    var tables = SalesManagementTables()
    tables.productFamilyIds = [LabelKey.normalise("Outillage"): 4]
    let known = Self.map(
      ["Code": "A1", "Désignation courte": "x", "Famille": "OUTILLAGE"], tables: tables)
    #expect(try Self.object(known)["familyId"] as? Int == 4)
    #expect(known.issues.isEmpty)
    let unknown = Self.map(
      ["Code": "A2", "Désignation courte": "x", "Famille": "JARDIN"], tables: tables)
    let data = try Self.object(unknown)
    #expect(data["familyId"] == nil)
    #expect(data["Z_FAMILLE"] as? String == "JARDIN")
    #expect(unknown.issueSummary == ["warning unmapped-value Famille"])
  }

  @Test func aStockThatIsNotANumberIsLeftOutWithAWarning() throws {
    let record = Self.map(["Code": "A1", "Désignation courte": "x", "Stock réel": "beaucoup"])
    let data = try Self.object(record)
    #expect(data["stock"] == nil && data["Z_STOCK"] == nil)
    #expect(record.issueSummary == ["warning bad-number Stock réel"])
    #expect(!record.isRejected)
  }

  @Test(arguments: [
    ("", "x", "1", "error missing-key Code"),
    ("ARTICLE-16-CHARS", "x", "1", "error key-too-long Code"),
    ("A1", "", "1", "error missing-required Désignation courte"),
    ("A1", "x", "douze", "error bad-number Prix de vente HT"),
  ])
  func aRowSMCannotTakeIsRejectedWithItsReason(
    code: String, name: String, price: String, issue: String
  ) {
    let record = Self.map(["Code": code, "Désignation courte": name, "Prix de vente HT": price])
    #expect(record.isRejected)
    #expect(record.issueSummary == [issue])
    #expect(record.data.isAbsent)
    #expect(record.issues.first?.line == 2)
  }
}
