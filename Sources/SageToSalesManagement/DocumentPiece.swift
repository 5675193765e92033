import PasserelleCore
import PasserelleReading

/// What a mapping thread hands on from a documents export: a row whose document
/// may go on in the next block, or a document its block held whole.
package enum DocumentPiece: Sendable {
  case row(DocumentRow)
  /// Boxed: a draft is several times the size of a line, and every line's piece
  /// would otherwise take its size in each array and copy it.
  indirect case document(DocumentDraft)

  /// Drafts the documents that `pieces` (the mapped rows of one block, in order)
  /// hold whole: an `E` row with its `L` rows, ended within the block by the next
  /// `E` row or a stray row. Rows before the block's first `E` row may continue a
  /// document of the block before, and the block's last document may go on in the
  /// next: those stay rows, for the conversion to assemble.
  package static func draftWholeDocuments(_ pieces: inout [DocumentPiece]) {
    var drafted: [DocumentPiece] = []
    drafted.reserveCapacity(pieces.count)
    var open: DocumentHeader? = nil
    var openAt = 0
    var lines: [DocumentLine] = []
    for (index, piece) in pieces.enumerated() {
      switch piece {
      case .row(.line(let line)) where open != nil:
        lines.append(line)
        continue
      case .row(.header), .row(.stray):
        if let header = open {
          // Never with the pipeline's blocks of 128 rows: a run of lines beyond the
          // limit is left to the conversion, which reports the document too long.
          if lines.count <= DocumentDraft.maximumLines {
            drafted.append(.document(DocumentDraft(header: header, lines: lines, overflow: false)))
          } else {
            drafted.append(contentsOf: pieces[openAt..<index])
          }
          open = nil
          lines.removeAll(keepingCapacity: true)
        }
      default:
        break
      }
      if case .row(.header(let header)) = piece {
        open = header
        openAt = index
      } else {
        drafted.append(piece)
      }
    }
    if open != nil { drafted.append(contentsOf: pieces[openAt...]) }
    pieces = drafted
  }
}
