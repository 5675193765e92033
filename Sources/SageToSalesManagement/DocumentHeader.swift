import PasserelleCore
import PasserelleReading

/// The `E` line of a document, its values read and checked.
package struct DocumentHeader: Sendable {
  package var line: Int
  package var number: String
  package var kind: DocumentKind
  package var kindText: String
  package var date: String
  package var customer: String
  package var representative: String
  package var reference: String
  package var remark: String
  package var dueDate: String
  package var paymentMode: String
  package var quoteStatus: String
  package var validated: Bool
  package var settled: Bool
  package var discountRate: Amount?
  package var discountAmount: Amount?
  /// Shipping without VAT, and shipping subject to VAT at its own rate.
  package var shippingWithoutVAT: Amount?
  package var shippingSubjectToVAT: Amount?
  package var shippingVATRate: Amount?
  package var totalWithTax: Amount?
  /// `Cadre de facturation` (`B1 - Dépôt d'une facture de bien`), an e-invoicing
  /// value list; nil when the export has no such column.
  package var billingFramework: String? = nil
  package var delivery = DocumentDelivery()
  package var issues: [RowIssue]
}
