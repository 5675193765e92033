/// A field an entity reads, known by its Sage label and its aliases (other
/// labels users or Sage versions give the same column).
package struct FieldLabel: Sendable, Hashable {
  package let label: String
  package let aliases: [String]

  package init(_ label: String, aliases: [String] = []) {
    self.label = label
    self.aliases = aliases
  }

  var keys: [String] { ([label] + aliases).map(LabelKey.normalise) }
}
