import PasserelleCore
import PasserelleReading

/// An `L` line of a document.
package struct DocumentLine: Sendable {
  package var line: Int
  package var number: String
  package var quantity: Amount
  package var unitPrice: Amount
  package var unitDiscount: Amount
  package var discountRate: Amount
  package var vatRate: Amount
  package var order: Int?
  /// The article, description, unit, comment flag and e-invoicing VAT mentions
  /// (`Catégorie de TVA`, `Motif d'exonération de TVA`, value lists as Sage writes
  /// them), as they go into the line's JSON.
  package let texts: DocumentLineTexts
  package var issues: [RowIssue]

  /// A comment line (flagged so, or of quantity 0): no amount of it counts.
  package var isComment: Bool { texts.isComment }
}
