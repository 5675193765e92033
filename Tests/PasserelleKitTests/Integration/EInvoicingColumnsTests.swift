import Foundation
import Testing

@testable import PasserelleManifest
@testable import PasserelleReading

/// The French e-invoicing columns of a documents export: carried to SM in `Z_`
/// fields when the export has them (the billing framework and the delivery address
/// with the document, the VAT category and exemption reason with each line), and
/// never needed: an export format set up before them converts as it always did.
@Suite struct EInvoicingColumnsTests {
  /// The `E` line's columns and the `Z_` fields they feed.
  static let documentFields = [
    ("Cadre de facturation", "Z_CADRE_FACTURATION"),
    ("Société de livraison", "Z_LIVRAISON_SOCIETE"),
    ("Adresse 1 de livraison", "Z_LIVRAISON_ADRESSE1"),
    ("Adresse 2 de livraison", "Z_LIVRAISON_ADRESSE2"),
    ("Adresse 3 de livraison", "Z_LIVRAISON_ADRESSE3"),
    ("CP de livraison", "Z_LIVRAISON_CODE_POSTAL"),
    ("Ville de livraison", "Z_LIVRAISON_VILLE"),
    ("Code pays de livraison", "Z_LIVRAISON_CODE_PAYS"),
    ("Pays de livraison", "Z_LIVRAISON_PAYS"),
  ]
  /// The `L` lines' columns and the `Z_` fields they feed.
  static let lineFields = [
    ("Catégorie de TVA", "Z_CATEGORIE_TVA"),
    ("Motif d'exonération de TVA", "Z_MOTIF_EXONERATION_TVA"),
  ]

  /// A shipped documents sample without its e-invoicing columns, as an export format
  /// set up before them writes it.
  static func withoutEInvoicingColumns(_ name: String) throws -> [UInt8] {
    let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.sample(name)))
    let text = try #require(String(data: data, encoding: .windowsCP1252))
    let lines = text.components(separatedBy: "\r\n")
    let labels = lines[0].components(separatedBy: "\t")
    let dropped = Set((documentFields + lineFields).map(\.0))
    let kept = labels.indices.filter { !dropped.contains(labels[$0]) }
    #expect(labels.count - kept.count == dropped.count, "\(name) lacks a column")
    let stripped = lines.map { line -> String in
      guard !line.isEmpty else { return line }
      let cells = line.components(separatedBy: "\t")
      return kept.map { cells[$0] }.joined(separator: "\t")
    }
    return Array(try #require(stripped.joined(separator: "\r\n").data(using: .windowsCP1252)))
  }

  /// The operations of the invoices sample's payload, converted with the customers.
  static func salesOperations(_ root: TestRoot, invoices: [UInt8]) throws
    -> (outcome: BatchOutcome, operations: [[String: Any]])
  {
    try root.drop(sample: TestFiles.sample(SageSamples.customers))
    try root.drop(invoices, as: "factures.txt")
    let outcome = try #require(try root.runOnce().last)
    #expect(outcome.entity == "documents")
    #expect(outcome.state == .done)
    return (outcome, try root.rawOperations(try outcome.output("-sales.json")))
  }

  /// An operation's `data` and `lines` as canonical JSON, without the given fields.
  static func canonical(_ operation: [String: Any], leavingOut document: [String], _ line: [String])
    throws -> String
  {
    var data = operation["data"] as? [String: Any] ?? [:]
    for key in document { data[key] = nil }
    let lines = (operation["lines"] as? [[String: Any]] ?? []).map { sent -> [String: Any] in
      var kept = sent
      for key in line { kept[key] = nil }
      return kept
    }
    let json = try JSONSerialization.data(
      withJSONObject: ["data": data, "lines": lines], options: [.sortedKeys])
    return String(decoding: json, as: UTF8.self)
  }

  @Test func anExportWithoutTheColumnsIsRecognisedAndConvertedAsBefore() throws {
    let stripped = try Self.withoutEInvoicingColumns(SageSamples.invoices)
    let header = try #require(
      String(data: Data(stripped.prefix { $0 != 0x0D }), encoding: .windowsCP1252))
    let labels = header.components(separatedBy: "\t")
    #expect(labels.count == 81)
    #expect(EntityRecognizer.recognise(Header(labels: labels)) == .documents)

    let without = try Self.salesOperations(try TestRoot(), invoices: stripped)
    let sample = try Data(contentsOf: URL(fileURLWithPath: TestFiles.sample(SageSamples.invoices)))
    let with = try Self.salesOperations(try TestRoot(), invoices: Array(sample))
    // The same rows are reported, the same documents sent, without the new fields.
    #expect(without.outcome.counts.rejected == with.outcome.counts.rejected)
    #expect(without.outcome.counts.warnings == with.outcome.counts.warnings)
    #expect(without.operations.count == with.operations.count)
    let documentKeys = Self.documentFields.map(\.1)
    let lineKeys = Self.lineFields.map(\.1)
    for (old, new) in zip(without.operations, with.operations) {
      let data = try #require(old["data"] as? [String: Any])
      #expect(documentKeys.allSatisfy { data[$0] == nil }, "\(data)")
      let carried = try #require(new["data"] as? [String: Any])
      #expect(documentKeys.allSatisfy { carried[$0] != nil }, "\(carried)")
      let lines = try #require(old["lines"] as? [[String: Any]])
      #expect(lines.allSatisfy { line in lineKeys.allSatisfy { line[$0] == nil } })
      #expect(
        try Self.canonical(old, leavingOut: [], [])
          == Self.canonical(new, leavingOut: documentKeys, lineKeys), "\(old["extId"] ?? "?")")
    }
  }

  @Test func anExportWithTheColumnsCarriesEachValue() throws {
    let root = try TestRoot()
    try SageSamples.registerSentQuotes(in: root)
    try root.drop(sample: TestFiles.sample(SageSamples.customers))
    // Each document and each line its own values, so that none is taken for another.
    let documents: [(kind: String, number: String, reference: String, values: [String])] = [
      (
        "Facture", "FA1", "",
        [
          "S1 - Dépôt d'une facture de prestation de services", "Chantier Dupont",
          "12 rue des Lilas", "Bâtiment B", "BP 57", "35000", "RENNES", "FR", "France",
        ]
      ),
      (
        "Devis", "DE1", "SM-Q-000101",
        [
          "M1 - Dépôt d'une facture double (bien et prestation de services)", "Atelier Nord",
          "3 quai Kléber", "Porte 4", "CS 70412", "67000", "STRASBOURG", "BE", "Belgique",
        ]
      ),
    ]
    let lines = [
      ["E = Exonéré de TVA", "VATEX-EU-132-1I - Exonération (article 261-4-4° a du CGI)"],
      ["S = Taux de TVA standard", "Aucun"],
    ]
    var rows: [[String: String]] = []
    for document in documents {
      var header = [
        "Type de Ligne": "E", "Type de pièce": document.kind, "N° pièce": document.number,
        "Date pièce": "03/11/2026", "Code client": "C00004",
        "Référence pièce": document.reference,
      ]
      for ((label, _), value) in zip(Self.documentFields, document.values) {
        header[label] = value
      }
      rows.append(header)
      for (index, values) in lines.enumerated() {
        var line = [
          "Type de Ligne": "L", "Type de pièce": document.kind, "N° pièce": document.number,
          "Code article": "ART000\(index + 1)", "Quantité": "1", "PU HT": "10,00",
          "Taux TVA": index == 0 ? "0" : "20",
        ]
        for ((label, _), value) in zip(Self.lineFields, values) { line[label] = value }
        rows.append(line)
      }
    }
    try root.drop(try DocumentExportTests.documents(rows), as: "documents.txt")
    let outcome = try #require(try root.runOnce().last)
    #expect(outcome.counts.warnings == 0 && outcome.counts.rejected == 0)
    for (document, resource) in zip(documents, ["sales", "salesorders"]) {
      let operation = try root.operation(
        try outcome.output("-\(resource).json"), extId: document.number)
      let data = try #require(operation["data"] as? [String: Any])
      for ((_, key), value) in zip(Self.documentFields, document.values) {
        #expect(data[key] as? String == value, "\(resource) \(key)")
      }
      let sent = try #require(operation["lines"] as? [[String: Any]])
      #expect(sent.count == lines.count)
      for (line, values) in zip(sent, lines) {
        // `Aucun` in a value list is no value.
        let expected = values.map { $0 == "Aucun" ? "" : $0 }
        for ((_, key), value) in zip(Self.lineFields, expected) {
          #expect(line[key] as? String == value, "\(resource) line \(key)")
        }
      }
    }
  }
}
