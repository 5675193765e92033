import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// Converts one full Sage export into a Sales Management payload and a reject
/// report, inside the batch's manifest transaction. Streams rows from the reader
/// to the payload; never holds the file, the records or the payload in memory.
struct ExportConversion {
  let path: String
  let facts: FileFacts
  let settings: Settings
  let outputs: ConversionOutputs
  let forcedEntity: SageEntity?
  let allowMassDeletion: Bool

  struct Result {
    /// What the file held: a Sage entity, or the SM resource of a file from SM.
    var entity: String
    var counts: BatchCounts
    var outputs: [BatchOutput]
  }

  func run(in db: ManifestTransaction) throws -> Result {
    guard
      let labels = try HeaderPeek.labels(
        path: path, facts: facts, limits: settings.limits, xmlSample: .max)
    else { throw FileRejection(.emptyFile, .noHeaderLine) }
    let header = Header(labels: labels)
    guard let entity = forcedEntity ?? EntityRecognizer.recognise(header) else {
      let shown = labels.prefix(6).joined(separator: ", ")
      throw FileRejection(.unknownEntity, .unknownHeader, ["start": .text(shown)], line: 1)
    }
    if entity == .documents {
      return try DocumentConversion(
        path: path, facts: facts, settings: settings, outputs: outputs
      ).run(in: db)
    }
    let plan = EntityPlan.make(entity, header: header, tables: settings.tables)
    guard header.contains(plan.keyLabel) || entity == .contacts else {
      throw FileRejection(
        .unknownEntity, .headerLacksKeyColumn, ["column": .text(plan.keyLabel.label)], line: 1,
        field: plan.keyLabel.label)
    }
    return try KeyedConversion(
      plan: plan, path: path, facts: facts, settings: settings, outputs: outputs,
      allowMassDeletion: allowMassDeletion
    ).run(in: db)
  }
}

extension ExportConversion {
  /// A row with more values than columns, or fewer, has its values in the wrong
  /// columns: sending it would blank or garble fields in SM.
  static func shapeProblem(_ row: SourceRow, columns: Int) -> Message? {
    if row.fieldCount > columns,
      (columns..<row.fieldCount).contains(where: { !row.isEmpty($0) })
    {
      return Message(
        .rowTooManyValues, ["count": .number(row.fieldCount), "columns": .number(columns)])
    }
    if row.fieldCount < columns {
      return Message(
        .rowTooFewValues, ["count": .number(row.fieldCount), "columns": .number(columns)])
    }
    return nil
  }
}
