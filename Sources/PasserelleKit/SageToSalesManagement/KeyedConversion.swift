import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement

/// Converts one full export of a keyed entity (a record per row: customers,
/// prospects, contacts, articles, representatives) into its Sales Management
/// payload and a reject report, inside the batch's manifest transaction. Streams
/// rows from the reader to the payload; never holds the file, the records or the
/// payload in memory. Rows are mapped on the mapping threads (`RowPreparation`),
/// then decided one by one in file order (`KeyedBatch`); the records the export
/// no longer lists are deleted last (`DeletionPass`).
struct KeyedConversion {
  typealias PreparedRow = ExportConversion.PreparedRow
  typealias Result = ExportConversion.Result

  let plan: EntityPlan
  let path: String
  let facts: FileFacts
  let settings: Settings
  let outputs: ConversionOutputs
  let allowMassDeletion: Bool

  func run(in db: ManifestTransaction) throws -> Result {
    let batch = try KeyedBatch(plan: plan, settings: settings, outputs: outputs, db: db)
    try readRows(into: batch, db: db)
    if batch.counts.read == 0 {
      throw FileRejection(.emptyFile, .noRows, line: 1)
    }
    let deletions = try DeletionPass(
      plan: plan, settings: settings, sha256: facts.sha256, allowMassDeletion: allowMassDeletion
    ).run(on: batch)
    let produced = try batch.finish(deletions: deletions)
    return Result(entity: plan.entity.rawValue, counts: batch.counts, outputs: produced)
  }

  /// Maps the rows on the mapping threads and hands them to `batch` in file order.
  private func readRows(into batch: KeyedBatch, db: ManifestTransaction) throws {
    let pipeline = RowPipeline<PreparedRow>(
      ExportReader(path: path, facts: facts, limits: settings.limits))
    let plan = plan
    let encoding = facts.encoding
    let tables = settings.tables
    let userIds = batch.userIds
    // Rows of a first export of its kind cannot have been seen: none is looked up.
    let manifestPath = batch.staging.isFirstOfItsKind ? nil : db.path
    try pipeline.run(
      setup: { labels in
        let unchangedRows = UnchangedRows(
          plan: plan, header: Header(labels: labels), encoding: encoding, tables: tables,
          userIds: userIds, manifestPath: manifestPath)
        return {
          RowPreparation(
            plan: plan, userIds: userIds, columns: labels.count, unchangedRows: unchangedRows,
            matcher: unchangedRows.matcher()
          ).prepare
        }
      },
      consume: { rows in
        for index in rows.indices { try batch.consume(&rows[index]) }
      })
  }
}
