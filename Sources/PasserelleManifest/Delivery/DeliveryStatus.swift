import GRDB
import PasserelleCore

/// The SM connector's part of `status`: the delivery queue per resource, the
/// API's health and the pull's watermarks.
public struct DeliveryStatus: Sendable, Codable {
  /// Operations of one resource by state.
  public struct Queue: Sendable, Codable {
    public var resource: String
    /// Waiting to be sent (or sent, answer not recorded yet).
    public var waiting: Int
    /// Waiting for a record they name that SM does not know yet.
    public var held: Int
    /// Records delivered, and not refused since.
    public var delivered: Int
    /// Refused by SM (see the batch's reject report).
    public var refused: Int
  }

  public var queues: [Queue]
  public var lastSuccessAt: String?
  public var lastError: String?
  public var lastErrorAt: String?
  /// The start of the current run of failures; nil when the last call succeeded.
  public var failingSince: String?
  /// Per resource, the SM time up to which its changes were pulled.
  public var pullWatermarks: [String: String]
  /// Per resource, the Sage records held for IT's decision (`out/rapprochement.csv`).
  public var awaitingReconciliation: [String: Int] = [:]
  /// The last `push --dry-run`: when, its detail file, and per resource what the
  /// delivery would do (`create`, `update`, `adopt`, `delete`, `hold`).
  public var lastPreview: Preview?

  /// A delivery preview, as kept for `status` and the report.
  public struct Preview: Sendable, Codable {
    /// When it was made.
    public var at: String
    /// Its detail file.
    public var file: String
    /// Resource → action → count.
    public var counts: [String: [String: Int]]
  }

  static func load(_ db: Database) throws -> DeliveryStatus {
    let queues = try Row.fetchAll(
      db,
      sql: """
        SELECT resource, SUM(state IN ('waiting', 'sending') AND heldFor IS NULL),
          SUM(state = 'waiting' AND heldFor IS NOT NULL),
          SUM(state = 'delivered' AND NOT EXISTS (
            SELECT 1 FROM delivery later INDEXED BY deliveryByKey
            WHERE later.resource = d.resource AND later.extId = d.extId AND later.seq > d.seq
              AND later.state = 'refused')),
          SUM(state = 'refused')
        FROM delivery d GROUP BY resource ORDER BY min(rank)
        """
    ).map { Queue(resource: $0[0], waiting: $0[1], held: $0[2], delivered: $0[3], refused: $0[4]) }
    var health: [String: String] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT name, value FROM apiHealth") {
      health[row[0]] = row[1]
    }
    var watermarks: [String: String] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT resource, since FROM pullWatermark") {
      watermarks[row[0]] = row[1]
    }
    var awaiting: [String: Int] = [:]
    for row in try Row.fetchAll(
      db,
      sql: "SELECT resource, COUNT(*) FROM reconciliation WHERE state = 'held' GROUP BY resource")
    {
      awaiting[row[0]] = row[1]
    }
    var preview: Preview?
    if let at = health["previewAt"], let file = health["previewFile"] {
      var counts: [String: [String: Int]] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT resource, action, count FROM deliveryPreview") {
        counts[row[0], default: [:]][row[1]] = row[2]
      }
      preview = Preview(at: at, file: file, counts: counts)
    }
    return DeliveryStatus(
      queues: queues, lastSuccessAt: health["lastSuccessAt"], lastError: health["lastError"],
      lastErrorAt: health["lastErrorAt"], failingSince: health["failingSince"],
      pullWatermarks: watermarks, awaitingReconciliation: awaiting, lastPreview: preview)
  }

  /// Whether there is anything to show: the connector was used at least once.
  var isEmpty: Bool {
    queues.isEmpty && lastSuccessAt == nil && lastError == nil && lastPreview == nil
      && awaitingReconciliation.isEmpty
  }

  func lines(in language: ReportLanguage) -> [String] {
    let say = { (key: MessageKey, values: [String: MessageValue]) in
      Message(key, values).text(in: language)
    }
    var lines = queues.map { queue in
      say(
        .statusDeliveryQueue,
        [
          "resource": EntityName.value(queue.resource), "waiting": .number(queue.waiting),
          "held": .number(queue.held), "delivered": .number(queue.delivered),
          "refused": .number(queue.refused),
        ])
    }
    for resource in awaitingReconciliation.keys.sorted() {
      lines.append(
        say(
          .statusHeldForIT,
          [
            "resource": EntityName.value(resource),
            "count": .number(awaitingReconciliation[resource]!),
          ]))
    }
    lines.append(
      lastSuccessAt.map { say(.statusLastSuccess, ["at": .text($0)]) }
        ?? say(.statusNeverSucceeded, [:]))
    if let lastError {
      let since = failingSince.map { say(.statusFailingSince, ["since": .text($0)]) } ?? ""
      lines.append(
        say(
          .statusLastError,
          ["error": .text(lastError), "at": .text(lastErrorAt ?? "?"), "since": .text(since)]))
    }
    if let lastPreview {
      lines.append(
        say(.reportPreviewAt, ["at": .text(lastPreview.at), "path": .text(lastPreview.file)]))
    }
    for resource in pullWatermarks.keys.sorted() {
      lines.append(
        say(
          .statusPulledUpTo,
          ["resource": EntityName.value(resource), "at": .text(pullWatermarks[resource]!)]))
    }
    return lines
  }
}

extension DeliveryStatus {
  var nilIfEmpty: DeliveryStatus? { isEmpty ? nil : self }
}
