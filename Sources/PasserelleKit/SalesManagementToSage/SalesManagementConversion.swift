import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// Converts a file dropped by Sales Management into Sage 50 import files. Quotes
/// (`salesorders`) become one Sage quote import per batch, in the `E`/`L` layout
/// with `Type de pièce` = Devis, no N° pièce (Sage numbers it) and the SM
/// reference in `Référence pièce`; each is recorded in the manifest as sent, and a
/// priced quote that came back from Sage before it is released to SM. Prospects
/// (`accounts`) and contacts become prospect and contact imports
/// (`SharedRecordImport`).
struct SalesManagementConversion {
  let path: String
  let sourceName: String
  let settings: Settings
  let outputs: ConversionOutputs
  let sageFolder: String

  /// The columns of the quote import, a subset of Sage's document layout.
  static let quoteLabels = [
    "Type de Ligne", "Type de pièce", "N° pièce", "Date pièce", "Référence pièce", "Remarque",
    "Code représentant pièce", "Code client", "Code article", "Quantité", "Description",
    "N° ligne",
  ]

  /// The SM resource of the file: its `entity`, else its name.
  static func resource(declared: String?, fileName: String) -> String? {
    if let declared, !declared.isEmpty { return declared.lowercased() }
    let name = fileName.lowercased()
    for resource in ["salesorders", "accounts", "contacts"] where name.hasPrefix(resource) {
      return resource
    }
    if name.hasPrefix("quotes") || name.hasPrefix("devis") { return "salesorders" }
    return nil
  }

  func run(in db: ManifestTransaction) throws -> ExportConversion.Result {
    let reader = JSONRecordReader(path: path, limits: settings.limits)
    // A first pass finds the declared entity (it may follow the records) and the
    // references given twice, whose quotes are all refused.
    var seen = Set<String>()
    var repeated = Set<String>()
    var seenRecords = Set<String>()
    var repeatedRecords = Set<String>()
    let declared = try reader.read { record in
      let reference = SalesManagementQuote.reference(of: record.object)
      if !reference.isEmpty && !seen.insert(reference).inserted { repeated.insert(reference) }
      let key = SalesManagementRecord.key(of: record.object)
      if !key.isEmpty && !seenRecords.insert(key).inserted { repeatedRecords.insert(key) }
    }
    guard let resource = Self.resource(declared: declared, fileName: sourceName) else {
      throw FileRejection(.unknownEntity, .salesManagementFileUnknown)
    }
    if let shared = SalesManagementRecord.Resource(rawValue: resource) {
      let converter = try SharedRecordImport(
        db: db, resource: shared, conversion: self, repeated: repeatedRecords)
      try reader.read { record in try converter.take(record) }
      if converter.counts.read == 0 {
        throw FileRejection(.emptyFile, .salesManagementFileEmpty, ["resource": .text(resource)])
      }
      let produced = try converter.finish()
      return ExportConversion.Result(
        entity: resource, counts: converter.counts, outputs: produced)
    }
    guard resource == "salesorders" else {
      throw FileRejection(
        .unknownEntity, .salesManagementResourceNotReturned, ["resource": .text(resource)])
    }
    let converter = try QuoteImport(db: db, conversion: self, repeated: repeated)
    try reader.read { record in try converter.take(record) }
    if converter.counts.read == 0 {
      throw FileRejection(.emptyFile, .salesManagementFileEmpty, ["resource": "salesorders"])
    }
    let produced = try converter.finish()
    return ExportConversion.Result(
      entity: "salesorders", counts: converter.counts, outputs: produced)
  }
}
