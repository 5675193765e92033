import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// Converts an `E`/`L` commercial documents export: invoices and credit notes
/// become `sales` (one per document, its lines beside), priced quotes become
/// `salesorders` updates matched to the SM quote by `Référence pièce`. Rows are
/// read and parsed on worker threads, which also draft the documents a block of
/// rows holds whole; a document across two blocks is assembled here. Memory holds
/// a few blocks and one document whatever the file's size.
struct DocumentConversion {
  let path: String
  let facts: FileFacts
  let settings: Settings
  let outputs: ConversionOutputs

  func run(in db: ManifestTransaction) throws -> ExportConversion.Result {
    let assembler = try DocumentAssembler(db: db, outputs: outputs)
    let pipeline = RowPipeline<DocumentPiece>(
      ExportReader(path: path, facts: facts, limits: settings.limits))
    try pipeline.run(
      setup: { labels in
        let mapping = DocumentMapping(header: Header(labels: labels))
        let columns = labels.count
        return {
          { row in
            row.touchStorage()
            let mapped = mapping.map(row)
            guard let problem = ExportConversion.shapeProblem(row, columns: columns) else {
              return .row(mapped)
            }
            return .row(
              mapped.adding(
                RowIssue(
                  line: row.line, key: mapped.number, field: "", severity: .error,
                  code: .raggedRow,
                  message: Message(.documentLeftOut, ["problem": .message(problem)]),
                  value: "")))
          }
        }
      },
      // Documents are drafted where their rows were mapped, off this thread.
      regroup: DocumentPiece.draftWholeDocuments,
      consume: { pieces in
        for piece in pieces { try assembler.take(piece) }
      })
    try assembler.finishDocument()
    if assembler.counts.read == 0 && assembler.strayRows == 0 {
      throw FileRejection(.emptyFile, .noDocuments, line: 1)
    }
    let produced = try assembler.finish()
    return ExportConversion.Result(entity: "documents", counts: assembler.counts, outputs: produced)
  }
}
