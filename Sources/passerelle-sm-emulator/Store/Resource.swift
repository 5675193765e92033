/// The SM resources the emulator holds, named as in the API's paths.
enum Resource: String, CaseIterable, Sendable {
  case accounts
  case contacts
  case products
  case salesorders
  case salesOrdersLines
  case users
  case sales

  /// The resource a path segment names; SM's documentation also spells the lines
  /// `salesordersLines`.
  init?(pathSegment: String) {
    if pathSegment == "salesordersLines" {
      self = .salesOrdersLines
    } else {
      self.init(rawValue: pathSegment)
    }
  }

  /// Fields a create must carry, not blank.
  var requiredFields: [String] {
    switch self {
    case .accounts: return ["branchId", "name", "salesRepId1"]
    case .contacts: return ["accountId", "firstName", "lastName", "salesRepId"]
    case .products: return ["model"]
    case .salesorders: return ["branchId", "reference", "salesRepId"]
    case .salesOrdersLines: return ["salesOrderId", "productId", "quantity", "price"]
    case .users, .sales: return []
    }
  }

  /// Fields holding the id of another resource's record, which must exist.
  var references: [(field: String, target: Resource)] {
    switch self {
    case .contacts, .salesorders: return [("accountId", .accounts)]
    case .salesOrdersLines: return [("salesOrderId", .salesorders), ("productId", .products)]
    case .accounts, .products, .users, .sales: return []
    }
  }

  /// Whether records belong to a branch (`branchId`).
  var hasBranch: Bool { self == .accounts || self == .salesorders }

  /// The longest `extId` SM takes, where it publishes one.
  var maximumExtIdLength: Int? { self == .products ? 30 : nil }
}
