import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A hint that something arrived in the drop folders, from the kernel's file
/// events (inotify on Linux), so that the service looks at once instead of at its
/// next poll. Only a hint: events are lost on network shares and when the queue
/// overflows, so polling stays the source of truth. Elsewhere it does nothing.
package final class FolderEvents: @unchecked Sendable {
  private var descriptor: Int32 = -1
  private let lock = NSLock()
  private var stopped = false

  /// Starts watching `folders`; `hint` runs on a background thread at each event.
  package init(folders: [String], hint: @escaping @Sendable () -> Void) {
    #if os(Linux)
      descriptor = inotify_init1(Int32(IN_CLOEXEC))
      guard descriptor >= 0 else { return }
      let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)
      for folder in folders { _ = inotify_add_watch(descriptor, folder, mask) }
      let descriptor = self.descriptor
      // Without the thread, polling alone finds the files, as with events off.
      let started: Void? = try? WorkerThread.start("folder events") { [weak self] in
        var buffer = [UInt8](repeating: 0, count: 4096)
        var watched = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while let self, !self.isStopped {
          // Wakes at least every second to see whether the service has stopped.
          guard poll(&watched, 1, 1000) > 0 else { continue }
          guard read(descriptor, &buffer, buffer.count) > 0 else { continue }
          hint()
        }
        // The thread owns the descriptor: closed once nothing can wait on it.
        close(descriptor)
      }
      if started == nil { close(descriptor) }
    #endif
  }

  private var isStopped: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stopped
  }

  package func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
  }

  deinit { stop() }
}
