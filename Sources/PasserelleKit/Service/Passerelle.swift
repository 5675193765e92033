import Foundation
import Logging
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// The entry point of the library: one root folder, its settings and manifest.
/// The executable only parses the command line and calls this.
public final class Passerelle {
  public let layout: Layout
  public let settings: Settings
  let logger: Logger
  let clock: @Sendable () -> Date
  /// Where a progress line goes while a large file is converted (a terminal).
  public var progressOutput: (@Sendable (String) -> Void)? = nil
  /// The dossier's name when this root is one of several (`[dossiers]`), for the report.
  package var dossierName: String? = nil

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
  func open() throws -> (OutLock, BatchProcessor, [BatchOutcome]) {
    try layout.createFolders()
    let lock = try OutLock(path: layout.lock)
    let manifest = try Manifest(path: layout.manifest)
    let processor = BatchProcessor(
      layout: layout, settings: settings, manifest: manifest, logger: logger, clock: clock)
    processor.progressOutput = progressOutput
    let recovered = try processor.recover()
    return (lock, processor, recovered)
  }

  /// The dossiers configured under this root, each with its own settings file if it
  /// has one, else this root's; this root alone when none is configured.
  public func dossiers() throws -> [Passerelle] {
    guard !settings.dossiers.isEmpty else { return [self] }
    let root = URL(fileURLWithPath: layout.root).standardized.path
    var folders: [String: String] = [:]
    for (name, relative) in settings.dossiers {
      let folder = URL(fileURLWithPath: root + "/" + relative).standardized.path
      // One folder, one dossier: two would fight over its lock and manifest.
      for (other, otherFolder) in folders
      where folder == otherFolder || folder.hasPrefix(otherFolder + "/")
        || otherFolder.hasPrefix(folder + "/")
      {
        throw ConfigurationError(
          .dossiersShareFolder,
          ["first": .text(other), "second": .text(name), "folder": .text(folder)])
      }
      guard folder.hasPrefix(root + "/") else {
        throw ConfigurationError(.dossierOutsideRoot, ["name": .text(name), "root": .text(root)])
      }
      folders[name] = folder
    }
    var inherited = settings
    inherited.dossiers = [:]
    return try folders.keys.sorted().map { name in
      let folder = folders[name]!
      // A dossier's own file changes the root's settings, it does not replace them.
      let own = try SettingsFile.load(root: folder, base: inherited, dossier: true)
      var logger = self.logger
      logger[metadataKey: "dossier"] = "\(name)"
      let dossier = Passerelle(root: folder, settings: own, logger: logger, clock: clock)
      dossier.progressOutput = progressOutput
      dossier.dossierName = name
      return dossier
    }
  }

  /// One pass over the drop folders (`passerelle run --once`): what is complete
  /// after two looks, the second once every file seen may be complete (one
  /// stability interval, or `stability_seconds` for a JSON file that looks unfinished).
  /// With SM's API: SM's changes are pulled first, and what the pass produced is
  /// delivered last.
  public func runOnce() throws -> [BatchOutcome] {
    let (lock, processor, recovered) = try open()
    defer { withExtendedLifetime(lock) {} }
    let link = try link(processor.manifest)
    let pulled = link.flatMap { link in tolerating(.pullFailed) { try await link.pull() } }
    if let pulled { logger.info("\(pulled.summary(in: settings.reportLanguage))") }
    let outcomes = try pass(processor)
    if let link {
      // SM out of reach a moment ago: what was converted waits in the outbox.
      if pulled != nil, let delivered = tolerating(.pushFailed, { try await link.push() }) {
        logger.info("\(delivered.summary(in: settings.reportLanguage))")
      }
      _ = tolerating(.closeFailed) { await link.close() }
    }
    refreshReport()
    return recovered + outcomes
  }

  private func pass(_ processor: BatchProcessor) throws -> [BatchOutcome] {
    let (sage, salesManagement) = trackers()
    var sageFiles = sage.poll()
    var salesManagementFiles = salesManagement.poll()
    // A second look once every file waiting may be complete (a file from SM
    // that looks unfinished waits the longer `stability_seconds`).
    if let due = [sage, salesManagement].compactMap(\.lastCheck).max() {
      Thread.sleep(forTimeInterval: max(0, due - CompletionTracker.now()))
      sageFiles = sage.poll()
      salesManagementFiles = salesManagement.poll()
    }
    let polls = PollLog()
    polls.note(.sage, complete: sageFiles.count, processor: processor, at: clock())
    polls.note(
      .salesManagement, complete: salesManagementFiles.count, processor: processor, at: clock())
    // Sage's files first (they hold what SM files refer to), then SM's.
    return try process(
      ordered(sageFiles) + salesManagementFiles, processor, checkedBy: [sage, salesManagement],
      until: { false })
  }

  func trackers() -> (sage: CompletionTracker, salesManagement: CompletionTracker) {
    (
      CompletionTracker(folder: layout.watchSage, interval: settings.stabilitySeconds),
      CompletionTracker(
        folder: layout.watchSalesManagement, interval: settings.salesManagementStabilitySeconds,
        patience: settings.stabilitySeconds, looksWhole: JSONCompleteness.isWhole)
    )
  }

  /// Claims and converts complete files one by one, checking `shouldStop` between
  /// files. Each is looked at once more just before its claim: one changed since it
  /// was found complete is left for the trackers to watch again.
  func process(
    _ paths: [String], _ processor: BatchProcessor, checkedBy trackers: [CompletionTracker],
    until shouldStop: () -> Bool
  ) throws -> [BatchOutcome] {
    var outcomes: [BatchOutcome] = []
    for path in paths {
      if shouldStop() { break }
      let folder = (path as NSString).deletingLastPathComponent
      guard trackers.first(where: { $0.folder == folder })?.isStillComplete(path) ?? false else {
        logger.info("\(say(.fileChangedSinceComplete, ["file": .text(path)]))")
        continue
      }
      // The markers go first: left behind by a crash, one would vouch for the next
      // export of the same name.
      for suffix in DropFolder.markerSuffixes { FileSystem.remove(path + suffix) }
      let claimed: ClaimedFile
      do {
        claimed = try processor.claim(
          path,
          from: path.hasPrefix(layout.watchSage + "/") ? .sage : .salesManagement)
      } catch  where !FileSystem.exists(path) {
        // Taken away meanwhile (by hand, or by another program): nothing to do.
        logger.warning(
          "\(say(.fileGoneBeforeClaim, ["file": .text(path), "error": .failure(error)]))")
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

  /// `passerelle run`: polls each drop folder on its own interval until SIGINT or
  /// SIGTERM, then finishes the batch in hand and returns. The lock is held
  /// throughout, so a second instance is refused for as long as this one runs.
  public func serve() throws -> [BatchOutcome] {
    try Self.serve([self], logger: logger)
  }

  /// Serves several roots (the dossiers of one installation) from one process:
  /// each keeps its own folders, lock, manifest and rhythm, and they take turns,
  /// one file at a time. With several, one that cannot proceed (disk full, held by
  /// another process) is set aside and tried again a minute later; the others go
  /// on. A single root stops the service instead (exit code 3).
  public static func serve(_ roots: [Passerelle], logger: Logger) throws -> [BatchOutcome] {
    let stop = StopSignal()
    var watches: [FolderWatch] = []
    var waiting: [(root: Passerelle, retryAt: Double)] = []
    var outcomes: [BatchOutcome] = []
    let retryDelay = 60.0
    var firstFailure: EnvironmentFailure? = nil
    func start(_ root: Passerelle) throws {
      do {
        let watch = try FolderWatch(root, wake: { stop.hint() })
        outcomes += watch.recovered
        watches.append(watch)
      } catch let failure as EnvironmentFailure where roots.count > 1 {
        root.logger.error(
          "\(root.say(.dossierCannotStart, ["error": .failure(failure), "seconds": .number(Int(retryDelay))]))"
        )
        waiting.append((root, CompletionTracker.now() + retryDelay))
        firstFailure = firstFailure ?? failure
      }
    }
    for root in roots { try start(root) }
    // None could start: the service cannot proceed at all.
    if watches.isEmpty, let firstFailure { throw firstFailure }
    let events =
      roots.contains(where: \.settings.watchEvents)
      ? FolderEvents(
        folders: roots.filter(\.settings.watchEvents).flatMap {
          [$0.layout.watchSage, $0.layout.watchSalesManagement]
        }, hint: { stop.hint() }) : nil
    defer { withExtendedLifetime((watches, events)) {} }
    let stopped = { stop.isRequested }
    var hinted = false
    while !stop.isRequested {
      let now = CompletionTracker.now()
      let due = waiting.filter { $0.retryAt <= now }
      waiting.removeAll { $0.retryAt <= now }
      for entry in due { try start(entry.root) }
      var busy = false
      for watch in watches where !stop.isRequested {
        do {
          let step = try watch.step(hinted: hinted, until: stopped)
          if !step.outcomes.isEmpty { watch.link?.nudge() }
          outcomes += step.outcomes
          busy = busy || step.busy
        } catch let failure as EnvironmentFailure where roots.count > 1 {
          // Its lock is released with it; the batch in hand is finished or redone
          // when it starts again (recovery).
          watch.root.logger.error(
            "\(watch.root.say(.dossierSetAside, ["error": .failure(failure), "seconds": .number(Int(retryDelay))]))"
          )
          watch.link?.finish()
          watches.removeAll { $0 === watch }
          waiting.append((watch.root, CompletionTracker.now() + retryDelay))
        }
      }
      hinted = false
      if busy { continue }
      let wake =
        (watches.map(\.wake) + waiting.map(\.retryAt)).min() ?? CompletionTracker.now() + 1
      hinted = stop.wait(max(0, wake - CompletionTracker.now()))
    }
    events?.stop()
    for watch in watches { watch.link?.finish() }
    logger.info(
      "\(Message(.serviceStopped).text(in: roots.first?.settings.reportLanguage ?? .french))")
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
        throw EnvironmentFailure(.cannotCreateFolder, path: folder)
      }
    }
    let claimed = try processor.claimCopy(file, options: options)
    let outcome = try processor.process(claimed, options: options)
    refreshReport()
    return recovered + [outcome]
  }

  /// Records IT's confirmation that an export held by the mass-deletion guard is complete.
  public func allowDeletions(sha256OrBatch: String) throws -> String {
    try layout.createFolders()
    let manifest = try Manifest(path: layout.manifest)
    let sha = try manifest.sha256(ofBatch: sha256OrBatch) ?? sha256OrBatch.lowercased()
    guard sha.count == 64, sha.allSatisfy(\.isHexDigit) else {
      throw ConfigurationError(.notABatchOrDigest, ["value": .text(sha256OrBatch)])
    }
    try manifest.allowMassDeletion(sha256: sha, at: clock())
    return sha
  }
}

extension Passerelle {
  /// A message of the catalogue in the configured language (`[report] language`).
  func say(_ key: MessageKey, _ values: [String: MessageValue] = [:]) -> String {
    Message(key, values).text(in: settings.reportLanguage)
  }
}
