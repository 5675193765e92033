import Foundation
import PasserelleCore

/// What `push --dry-run` found: per resource, what the delivery would create,
/// update, adopt, delete and hold; the detail went to `out/apercu-<time>.csv`.
public struct DeliveryPreview: Sendable, Codable {
  /// Counts of one resource.
  public struct Counts: Sendable, Codable, Equatable {
    /// Records SM does not have.
    public var create = 0
    /// Records SM has, with changes.
    public var update = 0
    /// Records typed by hand in SM that would take Sage's code.
    public var adopt = 0
    /// Records gone from Sage.
    public var delete = 0
    /// Records that would wait: for IT's decision, or for a record they name.
    public var hold = 0
  }

  /// Per resource, what the delivery would do.
  public var resources: [String: Counts] = [:]
  /// The detail file.
  public var file = ""
  /// Sage records waiting for IT's decision, listed in `out/rapprochement.csv`.
  public var awaitingDecision = 0

  /// Lines for people, in `language`.
  public func summary(in language: ReportLanguage) -> String {
    guard !resources.isEmpty else { return Message(.previewNothing).text(in: language) }
    let parts = resources.keys.sorted().map { resource in
      let counts = resources[resource]!
      return Message(
        .previewResource,
        [
          "resource": EntityName.value(resource), "create": .number(counts.create),
          "update": .number(counts.update), "adopt": .number(counts.adopt),
          "delete": .number(counts.delete), "hold": .number(counts.hold),
        ]
      ).text(in: language)
    }
    let separator = Message(.listSeparator).text(in: language)
    return Message(.previewDone, ["resources": .text(parts.joined(separator: separator))])
      .text(in: language) + "\n" + Message(.previewFile, ["path": .text(file)]).text(in: language)
      + ReconciliationFile.waitingLine(awaitingDecision, in: language)
  }

  /// The counts as the manifest keeps them for the report.
  var table: [String: [String: Int]] {
    resources.mapValues {
      [
        "create": $0.create, "update": $0.update, "adopt": $0.adopt, "delete": $0.delete,
        "hold": $0.hold,
      ]
    }
  }
}
