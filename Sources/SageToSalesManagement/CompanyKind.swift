/// Whether a company row comes from the customers or the prospects list.
public enum CompanyKind: String, Sendable {
  case customer
  case prospect
}
