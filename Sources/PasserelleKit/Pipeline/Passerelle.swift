import Foundation
import Logging

/// The entry point of the library: one root folder, its settings and manifest.
/// The executable only parses the command line and calls this.
public final class Passerelle {
  public let layout: Layout
  public let settings: Settings
  let logger: Logger
  let clock: @Sendable () -> Date

  public init(
    root: String, settings: Settings = Settings(),
    logger: Logger = Logger(label: "passerelle"),
    clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    layout = Layout(root: root)
    self.settings = settings
    self.logger = logger
    self.clock = clock
  }

  /// Locks the out folder, opens the manifest and repairs interrupted batches.
  private func open() throws -> (OutLock, BatchProcessor, [BatchOutcome]) {
    try layout.createFolders()
    let lock = try OutLock(path: layout.lock)
    let manifest = try Manifest(path: layout.manifest)
    let processor = BatchProcessor(
      layout: layout, settings: settings, manifest: manifest, logger: logger, clock: clock)
    let recovered = try processor.recover()
    return (lock, processor, recovered)
  }

  /// One pass over the drop folders (`passerelle run --once`).
  public func runOnce() throws -> [BatchOutcome] {
    let (lock, processor, recovered) = try open()
    defer { withExtendedLifetime(lock) {} }
    return recovered + (try pass(processor, until: { false }))
  }

  /// Processes every complete file of the drop folders, checking `shouldStop` between files.
  func pass(
    _ processor: BatchProcessor, includingSage: Bool = true, until shouldStop: () -> Bool
  ) throws -> [BatchOutcome] {
    var outcomes: [BatchOutcome] = []
    // Sage's files first (they hold what SM files refer to), then SM's.
    let folders =
      includingSage
      ? [layout.watchSage, layout.watchSalesManagement] : [layout.watchSalesManagement]
    let complete = DropFolder.completeFiles(in: folders, interval: settings.stabilitySeconds)
    let fromSage = complete.filter { $0.hasPrefix(layout.watchSage + "/") }
    let fromSalesManagement = complete.filter { !$0.hasPrefix(layout.watchSage + "/") }
    for path in ordered(fromSage) + fromSalesManagement {
      if shouldStop() { break }
      // The marker goes first: left behind by a crash, it would let the next
      // export of the same name through before it is completely written.
      if let marker = DropFolder.marker(for: path) { FileSystem.remove(marker) }
      let claimed: ClaimedFile
      do {
        claimed = try processor.claim(
          path,
          from: path.hasPrefix(layout.watchSage + "/") ? .sage : .salesManagement)
      } catch {
        logger.warning("\(path): could not be claimed (\(error)); left for the next pass")
        continue
      }
      outcomes.append(try processor.process(claimed, options: claimed.options))
    }
    return outcomes
  }

  /// Files in dependency order (representatives, companies, contacts, articles,
  /// documents), whatever their names or times; by name within one entity. Files
  /// whose header says nothing come last, to be rejected with their reason.
  func ordered(_ paths: [String]) -> [String] {
    let ranked = paths.map { path in
      let entity = HeaderPeek.entity(
        path: path, limits: settings.limits, fallback: settings.fallbackEncoding)
      return (rank: entity?.dependencyRank ?? Int.max, path: path)
    }
    return ranked.sorted { ($0.rank, $0.path) < ($1.rank, $1.path) }.map(\.path)
  }

  /// `passerelle run`: polls the drop folders on their interval until SIGINT or
  /// SIGTERM, then finishes the batch in hand and returns. The lock is held
  /// throughout, so a second instance is refused for as long as this one runs.
  public func serve() throws -> [BatchOutcome] {
    let stop = StopSignal()
    let (lock, processor, recovered) = try open()
    defer { withExtendedLifetime(lock) {} }
    var outcomes = recovered
    logger.info(
      "Watching \(layout.watchSage) every \(Int(settings.sagePollSeconds)) s and \(layout.watchSalesManagement) every \(settings.salesManagementPollSeconds) s; stop with Ctrl-C or SIGTERM."
    )
    // Quotes are awaited by a rep sitting with the customer: their folder is
    // looked at far more often than Sage's exports.
    var nextSagePass = Date.distantPast
    while !stop.isRequested {
      let includingSage = clock() >= nextSagePass
      outcomes += try pass(processor, includingSage: includingSage, until: { stop.isRequested })
      if includingSage { nextSagePass = clock().addingTimeInterval(settings.sagePollSeconds) }
      let untilSage = max(0, nextSagePass.timeIntervalSince(clock()))
      stop.wait(min(settings.salesManagementPollSeconds, untilSage))
    }
    logger.info("Stopped.")
    return outcomes
  }

  /// Converts one file given on the command line; the original stays in place.
  public func convert(file: String, options: ConversionOptions = ConversionOptions()) throws
    -> [BatchOutcome]
  {
    let (lock, processor, recovered) = try open()
    defer { withExtendedLifetime(lock) {} }
    if let folder = options.outputFolder {
      do {
        try FileSystem.createDirectory(folder)
      } catch {
        throw EnvironmentFailure("cannot create the output folder", path: folder)
      }
    }
    let claimed = try processor.claimCopy(file, options: options)
    return recovered + [try processor.process(claimed, options: options)]
  }

  /// Records IT's confirmation that an export held by the mass-deletion guard is complete.
  public func allowDeletions(sha256OrBatch: String) throws -> String {
    try layout.createFolders()
    let manifest = try Manifest(path: layout.manifest)
    let sha = try manifest.sha256(ofBatch: sha256OrBatch) ?? sha256OrBatch.lowercased()
    guard sha.count == 64, sha.allSatisfy(\.isHexDigit) else {
      throw ConfigurationError("'\(sha256OrBatch)' is neither a batch id nor a SHA-256")
    }
    try manifest.allowMassDeletion(sha256: sha, at: clock())
    return sha
  }
}
