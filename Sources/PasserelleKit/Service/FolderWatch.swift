import Foundation
import PasserelleManifest

/// One root's drop folders as the service watches them, from one look to the next.
///
/// Quotes are awaited by a rep sitting with the customer: SM's folder is looked at
/// every `salesManagementPollSeconds`, before each of Sage's files, so that a folder
/// full of exports takes turns with the quotes instead of holding them up. A file
/// seen while it is being written is looked at again as soon as it may be complete,
/// not at the folder's next poll.
final class FolderWatch {
  let root: Passerelle
  let recovered: [BatchOutcome]
  private let lock: OutLock
  private let processor: BatchProcessor
  private let sage: CompletionTracker
  private let salesManagement: CompletionTracker
  private var nextSage = 0.0
  private var nextSalesManagement = 0.0
  private var sageQueue: [String] = []
  private let polls = PollLog()
  /// The HTML report: its row reports' digests, and when it is next rewritten
  /// without a batch to show.
  private let reportCache = RowReportCache()
  private var nextReport = 0.0
  /// How often an idle service rewrites the report (its last looks, SM's queue).
  static let idleReportSeconds = 60.0
  /// SM's API, when the root's settings name it.
  let link: LinkLoop?

  /// - Parameter wake: wakes the service's loop (SM's changes were pulled into a folder).
  init(_ root: Passerelle, wake: @escaping @Sendable () -> Void = {}) throws {
    self.root = root
    (lock, processor, recovered) = try root.open()
    (sage, salesManagement) = root.trackers()
    link = try root.link(processor.manifest).map {
      LinkLoop(
        link: $0, pollSeconds: root.settings.api?.pollSeconds ?? 30, logger: root.logger,
        pulled: wake)
    }
    link?.start()
    let settings = root.settings
    let watching = root.say(
      .serviceWatching,
      [
        "sage": .text(root.layout.watchSage), "sageSeconds": .amount(settings.sagePollSeconds),
        "salesManagement": .text(root.layout.watchSalesManagement),
        "salesManagementSeconds": .amount(settings.salesManagementPollSeconds),
      ])
    root.logger.info("\(watching)")
  }

  /// Does what is due: SM's folder if its turn has come, then at most one of
  /// Sage's files. `busy` when Sage's files are still waiting in line. `hinted`:
  /// the folders changed (file events), so both are looked at now.
  func step(hinted: Bool = false, until stopped: () -> Bool) throws -> (
    outcomes: [BatchOutcome], busy: Bool
  ) {
    var outcomes: [BatchOutcome] = []
    var now = CompletionTracker.now()
    if hinted {
      nextSalesManagement = min(nextSalesManagement, now)
      nextSage = min(nextSage, now)
    }
    if now >= nextSalesManagement {
      nextSalesManagement = now + root.settings.salesManagementPollSeconds
      let files = salesManagement.poll(at: now)
      polls.note(.salesManagement, complete: files.count, processor: processor, at: root.clock())
      outcomes += try root.process(
        files, processor, checkedBy: [salesManagement], until: stopped)
      now = CompletionTracker.now()
    }
    if sageQueue.isEmpty && now >= nextSage {
      nextSage = now + root.settings.sagePollSeconds
      sageQueue = root.ordered(sage.poll(at: now))
      polls.note(.sage, complete: sageQueue.count, processor: processor, at: root.clock())
    }
    if !sageQueue.isEmpty && !stopped() {
      outcomes += try root.process(
        [sageQueue.removeFirst()], processor, checkedBy: [sage], until: stopped)
    }
    refreshReport(after: outcomes, at: now)
    if let check = sage.nextCheck { nextSage = min(nextSage, check) }
    if let check = salesManagement.nextCheck {
      nextSalesManagement = min(nextSalesManagement, check)
    }
    return (outcomes, !sageQueue.isEmpty)
  }

  /// Rewrites the report after a step that processed files, else once a minute
  /// at most: the digests of unchanged row reports are kept, so each is cheap.
  private func refreshReport(after outcomes: [BatchOutcome], at now: Double) {
    guard !outcomes.isEmpty || now >= nextReport else { return }
    nextReport = now + Self.idleReportSeconds
    root.refreshReport(cache: reportCache)
  }

  /// When this root next has something to look at.
  var wake: Double { min(nextSage, nextSalesManagement) }
}
