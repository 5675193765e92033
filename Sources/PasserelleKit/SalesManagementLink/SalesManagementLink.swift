import Foundation
import Logging
import PasserelleCore
import PasserelleManifest
import SalesManagementAPI

/// One root's connection to SM's API: delivers the outbox and pulls SM's changes.
/// A failure to reach SM is recorded for `status` and surfaces as an
/// `EnvironmentFailure` (exit code 3); nothing waiting is lost by it.
final class SalesManagementLink: Sendable {
  private let client: SalesManagementClient
  private let manifest: Manifest
  private let layout: Layout
  private let settings: Settings
  /// The language of what the link writes for people.
  var language: ReportLanguage { settings.reportLanguage }
  private let health: APIHealthBook
  private let logger: Logger
  private let clock: @Sendable () -> Date

  init(
    api: APISettings, layout: Layout, settings: Settings, manifest: Manifest, logger: Logger,
    clock: @escaping @Sendable () -> Date
  ) throws {
    let credentials = try CredentialsFile.load(root: layout.root, settings: api)
    var options = SalesManagementClientOptions()
    options.requestsPerMinute = api.requestsPerMinute
    options.requestsInFlight = api.requestsInFlight
    // A short budget per call (about 20 s): the service's next turn is the longer
    // retry, and `push` run by hand should say soon that SM is out of reach.
    options.maxAttempts = 5
    options.maxBackoff = .seconds(10)
    do {
      client = try SalesManagementClient(
        baseURL: api.url, credentials: credentials, options: options, logger: logger)
    } catch {
      throw ConfigurationError(.apiURLRefused, ["error": .failure(error)])
    }
    self.manifest = manifest
    self.layout = layout
    self.settings = settings
    self.health = APIHealthBook(manifest: manifest)
    self.logger = logger
    self.clock = clock
  }

  /// Delivers everything waiting, in dependency and payload order; then lists in
  /// `out/rapprochement.csv` what waits for IT's decision.
  func push() async throws -> DeliveryReport {
    let delivery = outboxDelivery(preview: nil)
    var report = try await recordingHealth {
      try await client.connect()
      return try await delivery.run()
    }
    report.awaitingDecision = try reconciliationFile().write()
    return report
  }

  /// Plans the delivery as `push` would, reading SM only (after the login), and
  /// writes the plan to `out/apercu-<time>.csv` and the reconciliation file.
  func preview() async throws -> DeliveryPreview {
    let path = layout.out + "/apercu-" + Timestamp.compact(clock()) + ".csv"
    let recorder = try PreviewRecorder(
      path: path, book: PreviewBook(manifest: manifest), language: language)
    let delivery = outboxDelivery(preview: recorder)
    try await recordingHealth {
      try await client.connect()
      _ = try await delivery.run()
    }
    let awaiting = try reconciliationFile().write()
    var preview = try recorder.finish(at: clock())
    preview.awaitingDecision = awaiting
    return preview
  }

  private func outboxDelivery(preview: PreviewRecorder?) -> OutboxDelivery {
    let outbox = Outbox(manifest: manifest)
    let ids = DeliveryIdMap(
      outbox: outbox, preview: preview.map { _ in PreviewBook(manifest: manifest) })
    let resolver = ReferenceResolver(
      ids: ids, tables: settings.tables, client: client, language: language)
    let reconciler = RecordReconciler(
      manifest: manifest, client: client, rules: settings.matchRules,
      enabled: settings.matchingEnabled, language: language, clock: clock)
    let planner = CallPlanner(
      ids: ids, resolver: resolver, reconciler: reconciler, language: language)
    return OutboxDelivery(
      client: client, outbox: outbox, planner: planner,
      refusals: RefusalReports(
        manifest: manifest, rejectsFolder: layout.rejects, language: settings.reportLanguage),
      preview: preview, clock: clock, logger: logger)
  }

  private func reconciliationFile() -> ReconciliationFile {
    ReconciliationFile(
      path: layout.out + "/" + ReconciliationFile.name,
      book: ReconciliationBook(manifest: manifest),
      language: language)
  }

  /// Writes what changed in SM since the last pull into `watch/salesmanagement/`.
  func pull() async throws -> PullReport {
    let pull = ChangePull(
      client: client, ledger: PullLedger(manifest: manifest), outbox: Outbox(manifest: manifest),
      folder: layout.watchSalesManagement, language: language, clock: clock, logger: logger)
    return try await recordingHealth { try await pull.run() }
  }

  /// Whether the outbox holds anything to send.
  func hasWaiting() throws -> Bool { try Outbox(manifest: manifest).hasWaiting() }

  func close() async { await client.shutdown() }

  private func recordingHealth<T>(_ body: () async throws -> T) async throws -> T {
    do {
      let result = try await body()
      try health.recordSuccess(at: clock())
      return result
    } catch let error as SalesManagementError {
      // Kept as written for `status` and the report, in the configured language.
      try? health.recordFailure(error.message.text(in: language), at: clock())
      throw EnvironmentFailure(.salesManagementUnusable, ["error": .failure(error)])
    }
  }
}

extension SalesManagementError {
  /// The failure as people read it, in the catalogue's words.
  var message: Message {
    switch self {
    case .insecureURL(let reason): Message(.smURLRefused, ["reason": .text(reason)])
    case .loginRefused(let reason): Message(.smLoginRefused, ["reason": .text(reason)])
    case .unreachable(let reason): Message(.smUnreachable, ["reason": .text(reason)])
    case .refused(let status, let message, let field):
      Message(
        .smRefused,
        ["status": .number(status), "field": .text(field ?? "—"), "reason": .text(message)])
    case .outcomeUnknown(let reason): Message(.smAnswerLost, ["reason": .text(reason)])
    case .unexpectedAnswer(let reason): Message(.smUnexpectedAnswer, ["reason": .text(reason)])
    case .cancelled: Message(.smCancelled)
    }
  }
}

extension MessageValue {
  /// An error as people read it, SM's failures included.
  static func failure(_ error: any Error) -> MessageValue {
    (error as? SalesManagementError).map { .message($0.message) } ?? .error(error)
  }
}
