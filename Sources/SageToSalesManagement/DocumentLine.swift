import PasserelleCore
import PasserelleReading

/// An `L` line of a document.
public struct DocumentLine: Sendable {
  public var line: Int
  public var number: String
  public var article: String
  public var description: String
  public var unit: String
  public var quantity: Amount
  public var unitPrice: Amount
  public var unitDiscount: Amount
  public var discountRate: Amount
  public var vatRate: Amount
  public var isComment: Bool
  public var order: Int?
  public var issues: [RowIssue]
}
