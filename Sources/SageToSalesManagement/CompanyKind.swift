/// Whether a company row comes from the customers or the prospects list.
package enum CompanyKind: String, Sendable {
  case customer
  case prospect
}
