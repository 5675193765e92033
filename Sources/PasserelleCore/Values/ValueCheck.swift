/// Outcome of checking or normalising one identifier-like value.
package enum ValueCheck: Equatable, Sendable {
  /// The normalised form.
  case valid(String)
  /// Why the value is refused, for IT.
  case invalid(Message)
}
