/// Outcome of checking or normalising one identifier-like value.
package enum ValueCheck: Equatable, Sendable {
  /// The normalised form.
  case valid(String)
  /// A short English reason meant for IT staff.
  case invalid(String)
}
