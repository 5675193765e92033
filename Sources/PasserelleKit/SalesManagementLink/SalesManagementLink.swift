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
      throw ConfigurationError("[salesmanagement.api] url: \(error)")
    }
    self.manifest = manifest
    self.layout = layout
    self.settings = settings
    self.health = APIHealthBook(manifest: manifest)
    self.logger = logger
    self.clock = clock
  }

  /// Delivers everything waiting, in dependency and payload order.
  func push() async throws -> DeliveryReport {
    let outbox = Outbox(manifest: manifest)
    let resolver = ReferenceResolver(outbox: outbox, tables: settings.tables, client: client)
    let delivery = OutboxDelivery(
      client: client, outbox: outbox, planner: CallPlanner(outbox: outbox, resolver: resolver),
      refusals: RefusalReports(
        manifest: manifest, rejectsFolder: layout.rejects, language: settings.reportLanguage),
      clock: clock,
      logger: logger)
    return try await recordingHealth {
      try await client.connect()
      return try await delivery.run()
    }
  }

  /// Writes what changed in SM since the last pull into `watch/salesmanagement/`.
  func pull() async throws -> PullReport {
    let pull = ChangePull(
      client: client, ledger: PullLedger(manifest: manifest), outbox: Outbox(manifest: manifest),
      folder: layout.watchSalesManagement, clock: clock, logger: logger)
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
      try? health.recordFailure("\(error)", at: clock())
      throw EnvironmentFailure("Sales Management cannot be used: \(error)")
    }
  }
}
