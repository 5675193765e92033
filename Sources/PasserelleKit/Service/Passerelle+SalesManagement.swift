import Foundation
import PasserelleCore
import PasserelleManifest

extension Passerelle {
  /// `passerelle push`: delivers everything waiting in the outbox to SM, then returns.
  public func push() throws -> DeliveryReport {
    try withLink("push") { try await $0.push() }
  }

  /// `passerelle push --dry-run`: plans the delivery as `push` would, reading SM
  /// only, and writes the plan to `out/apercu-<time>.csv` and what waits for IT to
  /// `out/rapprochement.csv`. Nothing is written to SM.
  public func previewPush() throws -> DeliveryPreview {
    try withLink("push") { try await $0.preview() }
  }

  /// `passerelle reconcile FILE`: records IT's decisions on held records, applied
  /// at the next delivery; `out/rapprochement.csv` then lists what still waits.
  public func reconcile(file: String) throws -> ReconcileReport {
    let (lock, processor, _) = try open()
    defer { withExtendedLifetime(lock) {} }
    let book = ReconciliationBook(manifest: processor.manifest)
    let report = try ReconcileChoices(book: book, clock: clock).apply(file: file)
    try ReconciliationFile(
      path: layout.out + "/" + ReconciliationFile.name, book: book,
      language: settings.reportLanguage
    ).write()
    refreshReport()
    return report
  }

  /// `passerelle pull`: writes what changed in SM since the last pull into
  /// `watch/salesmanagement/`, then returns.
  public func pull() throws -> PullReport {
    try withLink("pull") { try await $0.pull() }
  }

  /// Runs `body` with the root locked and its link open, closes the link, then
  /// rewrites the report (its delivery section changed).
  private func withLink<T: Sendable>(
    _ command: String, _ body: @escaping @Sendable (SalesManagementLink) async throws -> T
  ) throws -> T {
    let api = try requiredAPI(command)
    let (lock, processor, _) = try open()
    defer { withExtendedLifetime(lock) {} }
    let link = try SalesManagementLink(
      api: api, layout: layout, settings: settings, manifest: processor.manifest, logger: logger,
      clock: clock)
    let result = try blocking {
      do {
        let result = try await body(link)
        await link.close()
        return result
      } catch {
        await link.close()
        throw error
      }
    }
    refreshReport()
    return result
  }

  /// The link of a root whose settings name SM's API; nil: files only.
  func link(_ manifest: Manifest) throws -> SalesManagementLink? {
    guard let api = settings.api else { return nil }
    return try SalesManagementLink(
      api: api, layout: layout, settings: settings, manifest: manifest, logger: logger,
      clock: clock)
  }

  /// Pulls or pushes within a pass: SM out of reach is logged and the pass goes on
  /// (conversion never waits for SM; what waits for it stays in the outbox).
  func tolerating<T: Sendable>(
    _ what: MessageKey, _ body: @escaping @Sendable () async throws -> T
  ) -> T? {
    do {
      return try blocking(body)
    } catch {
      logger.error("\(say(what, ["error": .failure(error)]))")
      return nil
    }
  }

  private func requiredAPI(_ command: String) throws -> APISettings {
    guard let api = settings.api else {
      throw ConfigurationError(
        .commandNeedsAPI, ["command": .text(command), "path": .text(layout.configuration)])
    }
    return api
  }
}
