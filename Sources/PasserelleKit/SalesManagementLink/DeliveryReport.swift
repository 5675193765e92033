import PasserelleCore
import PasserelleManifest

/// What one delivery to SM did, per resource.
public struct DeliveryReport: Sendable, Codable {
  /// Counts of one resource.
  public struct Counts: Sendable, Codable {
    public var delivered = 0
    public var refused = 0
    public var held = 0
    /// What the delivered ones were: records created, updated, adopted (records
    /// typed in SM that took Sage's code) and deleted.
    public var created = 0
    public var updated = 0
    public var adopted = 0
    public var deleted = 0
  }

  public var resources: [String: Counts] = [:]
  /// Sage records waiting for IT's decision, listed in `out/rapprochement.csv`.
  public var awaitingDecision = 0

  public var delivered: Int { resources.values.reduce(0) { $0 + $1.delivered } }
  public var refused: Int { resources.values.reduce(0) { $0 + $1.refused } }
  public var held: Int { resources.values.reduce(0) { $0 + $1.held } }

  mutating func count(_ outcome: OutboxOutcome, call: PlannedCall) {
    let resource = call.operation.resource
    var counts = resources[resource] ?? Counts()
    switch outcome {
    case .delivered:
      counts.delivered += 1
      switch call.kind {
      case .create: counts.created += 1
      case .update: counts.updated += 1
      case .adopt: counts.adopted += 1
      case .delete: counts.deleted += 1
      case .nothing, .held: break
      }
    case .refused: counts.refused += 1
    case .held: counts.held += 1
    }
    resources[resource] = counts
  }

  /// One line for people, in `language`; a second when records wait for IT.
  public func summary(in language: ReportLanguage) -> String {
    counts(in: language) + ReconciliationFile.waitingLine(awaitingDecision, in: language)
  }

  private func counts(in language: ReportLanguage) -> String {
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
