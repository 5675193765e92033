import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Stop requests from SIGINT/SIGTERM, checked between batches so that the batch
/// in hand always finishes.
final class StopSignal: @unchecked Sendable {
  private let lock = NSLock()
  private var requested = false
  private var sources: [DispatchSourceSignal] = []

  init() {
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { [weak self] in self?.request() }
      source.resume()
      sources.append(source)
    }
  }

  func request() {
    lock.lock()
    requested = true
    lock.unlock()
  }

  var isRequested: Bool {
    lock.lock()
    defer { lock.unlock() }
    return requested
  }

  /// Sleeps up to `seconds`, waking early when a stop is requested.
  func wait(_ seconds: Double) {
    let deadline = Date().addingTimeInterval(seconds)
    while !isRequested && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
  }
}
