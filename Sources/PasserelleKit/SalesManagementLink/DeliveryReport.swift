import PasserelleCore
import PasserelleManifest

/// What one delivery to SM did, per resource.
public struct DeliveryReport: Sendable, Codable {
  /// Counts of one resource.
  public struct Counts: Sendable, Codable {
    public var delivered = 0
    public var refused = 0
    public var held = 0
  }

  public var resources: [String: Counts] = [:]

  public var delivered: Int { resources.values.reduce(0) { $0 + $1.delivered } }
  public var refused: Int { resources.values.reduce(0) { $0 + $1.refused } }
  public var held: Int { resources.values.reduce(0) { $0 + $1.held } }

  mutating func count(_ outcome: OutboxOutcome, resource: String) {
    var counts = resources[resource] ?? Counts()
    switch outcome {
    case .delivered: counts.delivered += 1
    case .refused: counts.refused += 1
    case .held: counts.held += 1
    }
    resources[resource] = counts
  }

  /// One line for people, in `language`.
  public func summary(in language: ReportLanguage) -> String {
    guard !resources.isEmpty else { return Message(.deliveryNothing).text(in: language) }
    let parts = resources.keys.sorted().map { resource in
      let counts = resources[resource]!
      return Message(
        .deliveryResource,
        [
          "resource": EntityName.value(resource), "delivered": .number(counts.delivered),
          "refused": .number(counts.refused), "held": .number(counts.held),
        ]
      ).text(in: language)
    }
    let separator = Message(.listSeparator).text(in: language)
    return Message(.deliveryDone, ["resources": .text(parts.joined(separator: separator))])
      .text(in: language)
  }
}
