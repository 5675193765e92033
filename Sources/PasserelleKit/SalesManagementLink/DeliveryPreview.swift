import Foundation
import PasserelleCore

/// What `push --dry-run` found: per resource, what the delivery would create,
/// update, adopt, delete and hold; the detail went to `out/apercu-<time>.csv`.
public struct DeliveryPreview: Sendable, Codable {
  /// Counts of one resource.
  public struct Counts: Sendable, Codable, Equatable {
    public var create = 0
    public var update = 0
    public var adopt = 0
    public var delete = 0
    public var hold = 0
  }

  public var resources: [String: Counts] = [:]
  /// The detail file.
  public var file = ""

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
