import Foundation
import PasserelleCore

/// Syncs the manifest's write-ahead log in the background while a long batch
/// writes into it, so that the sync of its commit finds little left to write: a
/// first conversion of 200,000 customers leaves some 80 MB of log, which the
/// commit otherwise waited for after the last row.
///
/// Only an advance on SQLite's own sync at commit, which decides durability: a
/// failure here is not reported, as the commit's sync meets the same failure.
final class EarlyLogSync {
  /// The log's file; nil for a manifest in memory.
  private let path: String?
  private var running: BackgroundSync? = nil
  private var writesSinceStart = 0
  /// Records written between two syncs at most (about 10 MB of log).
  static let step = 40_000

  init(manifestPath: String?) {
    path = manifestPath.map { $0 + "-wal" }
  }

  /// Counts a record written; starts a sync every `step` records once the last
  /// one is over.
  func noteWrite() {
    writesSinceStart += 1
    guard writesSinceStart >= Self.step, let path else { return }
    if let running {
      guard running.isFinished else { return }
      try? running.wait()
    }
    running = BackgroundSync(path)
    writesSinceStart = 0
  }

  /// Waits for the sync under way, if any, so that no thread outlives the transaction.
  func finish() {
    try? running?.wait()
    running = nil
  }
}
