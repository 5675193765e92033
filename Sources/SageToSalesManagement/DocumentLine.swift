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
  package let isComment: Bool
  package var order: Int?
  /// The article, description, unit, comment flag and e-invoicing VAT mentions
  /// (`Catégorie de TVA`, `Motif d'exonération de TVA`, value lists as Sage writes
  /// them), as they go into the line's JSON.
  package let texts: DocumentLineTexts
  package var issues: [RowIssue]

  package init(
    line: Int, number: String, quantity: Amount, unitPrice: Amount, unitDiscount: Amount,
    discountRate: Amount, vatRate: Amount, isComment: Bool, order: Int?,
    texts: DocumentLineTexts, issues: [RowIssue]
  ) {
    self.line = line
    self.number = number
    self.quantity = quantity
    self.unitPrice = unitPrice
    self.unitDiscount = unitDiscount
    self.discountRate = discountRate
    self.vatRate = vatRate
    self.isComment = isComment
    self.order = order
    self.texts = texts
    self.issues = issues
  }

  /// A line whose texts are given decoded.
  package init(
    line: Int, number: String, article: String, description: String, unit: String,
    quantity: Amount, unitPrice: Amount, unitDiscount: Amount, discountRate: Amount,
    vatRate: Amount, isComment: Bool, order: Int?, vatCategory: String? = nil,
    vatExemptionReason: String? = nil, issues: [RowIssue]
  ) {
    self.init(
      line: line, number: number, quantity: quantity, unitPrice: unitPrice,
      unitDiscount: unitDiscount, discountRate: discountRate, vatRate: vatRate,
      isComment: isComment, order: order,
      texts: DocumentLineTexts(
        article: article, description: description, unit: unit, isComment: isComment,
        vatCategory: vatCategory, vatExemptionReason: vatExemptionReason),
      issues: issues)
  }
}
