/// The order resources are delivered in: a record is sent after those it names
/// (a contact after its company, a quote after its customer and articles).
package enum DeliveryRank {
  package static let resources = [
    "users", "accounts", "contacts", "products", "sales", "salesorders",
  ]

  package static func of(_ resource: String) -> Int {
    resources.firstIndex(of: resource) ?? resources.count
  }
}
