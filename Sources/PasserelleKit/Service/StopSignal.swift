import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Stop requests from SIGINT/SIGTERM, checked between batches so that the batch
/// in hand always finishes.
final class StopSignal: @unchecked Sendable {
  private let condition = NSCondition()
  private var requested = false
  private var hinted = false
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
    condition.lock()
    requested = true
    condition.broadcast()
    condition.unlock()
  }

  var isRequested: Bool {
    condition.lock()
    defer { condition.unlock() }
    return requested
  }

  /// Something arrived in a drop folder: the service looks now.
  func hint() {
    condition.lock()
    hinted = true
    condition.broadcast()
    condition.unlock()
  }

  /// Sleeps up to `seconds` without using the processor, waking at once when a
  /// stop is requested or a hint comes. True when a hint came (since the last wait).
  @discardableResult
  func wait(_ seconds: Double) -> Bool {
    // Timed on the monotonic clock: setting the system clock back does not
    // lengthen the sleep (the condition's own deadline is wall time, so short).
    let deadline = CompletionTracker.now() + seconds
    condition.lock()
    defer {
      hinted = false
      condition.unlock()
    }
    while !requested && !hinted {
      let remaining = deadline - CompletionTracker.now()
      if remaining <= 0 { break }
      _ = condition.wait(until: Date().addingTimeInterval(min(remaining, 1)))
    }
    return hinted
  }
}
