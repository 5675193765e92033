import PasserelleCore
import PasserelleReading

package enum DocumentRow: Sendable {
  /// Boxed, like a piece's draft: a header is several times the size of a line.
  indirect case header(DocumentHeader)
  case line(DocumentLine)
  /// A row that is neither `E` nor `L`.
  case stray(RowIssue)

  /// The N° pièce the row names, if any.
  package var number: String {
    switch self {
    case .header(let header): header.number
    case .line(let line): line.number
    case .stray(let issue): issue.key
    }
  }

  /// The row with one more issue: a broken `E` or `L` row still belongs to its
  /// document, which the issue then rejects.
  package func adding(_ issue: RowIssue) -> DocumentRow {
    switch self {
    case .header(var header):
      header.issues.append(issue)
      return .header(header)
    case .line(var line):
      line.issues.append(issue)
      return .line(line)
    case .stray: return self
    }
  }
}
