/// A field an entity reads, known by its Sage label and its aliases (other
/// labels users or Sage versions give the same column).
public struct FieldLabel: Sendable, Hashable {
  public let label: String
  public let aliases: [String]

  public init(_ label: String, aliases: [String] = []) {
    self.label = label
    self.aliases = aliases
  }

  var keys: [String] { ([label] + aliases).map(LabelKey.normalise) }
}
