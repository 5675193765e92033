import PasserelleCore
import PasserelleReading

/// The `E` line of a document, its values read and checked.
public struct DocumentHeader: Sendable {
  public var line: Int
  public var number: String
  public var kind: DocumentKind
  public var kindText: String
  public var date: String
  public var customer: String
  public var representative: String
  public var reference: String
  public var remark: String
  public var dueDate: String
  public var paymentMode: String
  public var quoteStatus: String
  public var validated: Bool
  public var settled: Bool
  public var discountRate: Amount?
  public var discountAmount: Amount?
  /// Shipping without VAT, and shipping subject to VAT at its own rate.
  public var shippingWithoutVAT: Amount?
  public var shippingSubjectToVAT: Amount?
  public var shippingVATRate: Amount?
  public var totalWithTax: Amount?
  public var issues: [RowIssue]
}
