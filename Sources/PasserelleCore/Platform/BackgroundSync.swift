import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Syncs a file on a thread of its own from the moment it is made, so that the wait
/// for the disk overlaps the work that follows instead of adding to it; `wait`
/// returns once the file is durable. The kernel writes a file back early, but only a
/// sync flushes the disk's cache, which for a large file takes a while whenever it
/// is asked.
package final class BackgroundSync: @unchecked Sendable {
  private let sync: @Sendable () throws -> Void
  private let finished = DispatchSemaphore(value: 0)
  /// Set by the syncing thread before it signals `finished`, read only after.
  private var outcome: Result<Void, any Error> = .success(())
  /// False when no thread could start: `wait` then syncs the file itself.
  private var isSyncing = false

  /// Starts syncing the file at `path`.
  package convenience init(_ path: String) {
    self.init { try FileSystem.sync(path) }
  }

  /// Starts syncing the data of the file open as `descriptor`, which must stay open
  /// until `wait` returns; `path` names the file in a failure.
  package convenience init(descriptor: Int32, path: String) {
    self.init {
      guard fdatasync(descriptor) == 0 else {
        throw EnvironmentFailure(.cannotSyncFile, ["system": .text(systemMessage())], path: path)
      }
    }
  }

  private init(_ sync: @escaping @Sendable () throws -> Void) {
    self.sync = sync
    isSyncing =
      (try? WorkerThread.start("sync") { [self] in
        outcome = Result { try sync() }
        finished.signal()
      }) != nil
  }

  /// Whether the sync is over, or never started on a thread of its own (`wait` then
  /// syncs the file itself): either way, nothing runs beside the caller.
  package var isFinished: Bool {
    guard isSyncing, finished.wait(timeout: .now()) == .success else { return !isSyncing }
    finished.signal()
    return true
  }

  /// Returns once the file is durable; throws when it could not be synced.
  package func wait() throws {
    guard isSyncing else { return try sync() }
    finished.wait()
    // Left signalled, so that a later wait returns at once.
    finished.signal()
    try outcome.get()
  }
}
