/// The SM resources whose records reps type by hand, and that a Sage record may
/// therefore find in SM before Passerelle ever created it.
package enum MatchableResource: String, Sendable, Codable {
  /// Companies.
  case accounts
  /// People of a company.
  case contacts
  /// Articles.
  case products
}
