/// The kinds of Sage 50 FR export Passerelle recognises from a header.
public enum SageEntity: String, Sendable, CaseIterable, Codable {
  case representatives
  case customers
  case prospects
  case contacts
  case articles
  /// The `E`/`L` documents export: invoices and credit notes become `sales`,
  /// priced quotes `salesorders`.
  case documents

  /// The Sales Management resource the entity's records become.
  public var resource: String {
    switch self {
    case .representatives: "users"
    case .customers, .prospects: "accounts"
    case .contacts: "contacts"
    case .articles: "products"
    case .documents: "sales"
    }
  }

  /// Files of one pass are processed in this order, so that every reference a
  /// record makes (a rep, a company, an article) is known before it is needed.
  public var dependencyRank: Int {
    switch self {
    case .representatives: 0
    case .customers: 1
    case .prospects: 2
    case .contacts: 3
    case .articles: 4
    case .documents: 5
    }
  }
}
