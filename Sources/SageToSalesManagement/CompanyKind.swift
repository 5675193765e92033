import PasserelleCore

/// Whether a company row comes from the customers or the prospects list.
package enum CompanyKind: String, Sendable {
  case customer
  case prospect

  /// The record as a report line names it.
  package var noun: MessageKey { self == .customer ? .theCustomer : .theProspect }
}
