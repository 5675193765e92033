/// Row counts of one batch.
public struct BatchCounts: Sendable, Equatable, Codable {
  public var read = 0
  public var emitted = 0
  public var unchanged = 0
  public var rejected = 0
  public var warnings = 0
  public var deletions = 0

  public init() {}
}
