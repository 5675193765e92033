import PasserelleCore
import PasserelleReading

/// An `L` line of a document.
package struct DocumentLine: Sendable {
  package var line: Int
  package var number: String
  package var article: String
  package var description: String
  package var unit: String
  package var quantity: Amount
  package var unitPrice: Amount
  package var unitDiscount: Amount
  package var discountRate: Amount
  package var vatRate: Amount
  package var isComment: Bool
  package var order: Int?
  /// The line's e-invoicing VAT mentions, value lists as Sage writes them:
  /// `Catégorie de TVA` (`S = Taux de TVA standard`) and `Motif d'exonération de
  /// TVA`; nil when the export has no such column.
  package var vatCategory: String? = nil
  package var vatExemptionReason: String? = nil
  package var issues: [RowIssue]
}
