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
  package var issues: [RowIssue]
}
