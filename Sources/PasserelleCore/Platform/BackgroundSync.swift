import Foundation

/// Syncs a file on a thread of its own from the moment it is made, so that the wait
/// for the disk overlaps the work that follows instead of adding to it; `wait`
/// returns once the file is durable. A file of a hundred megabytes takes this
/// machine's kind of disk about a tenth of a second to make durable, whenever it is
/// asked: the kernel writes it back early, but only a sync flushes the disk's cache.
package final class BackgroundSync: @unchecked Sendable {
  private let path: String
  private let finished = DispatchSemaphore(value: 0)
  /// Set by the syncing thread before it signals `finished`, read only after.
  private var outcome: Result<Void, any Error> = .success(())
  /// False when no thread could start: `wait` then syncs the file itself.
  private var isSyncing = false

  /// Starts syncing the file at `path`.
  package init(_ path: String) {
    self.path = path
    isSyncing =
      (try? WorkerThread.start("sync") { [self] in
        outcome = Result { try FileSystem.sync(path) }
        finished.signal()
      }) != nil
  }

  /// Returns once the file is durable; throws when it could not be synced.
  package func wait() throws {
    guard isSyncing else { return try FileSystem.sync(path) }
    finished.wait()
    // Left signalled, so that a later wait returns at once.
    finished.signal()
    try outcome.get()
  }
}
