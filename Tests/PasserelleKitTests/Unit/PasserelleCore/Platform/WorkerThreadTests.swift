import Foundation
import Testing

@testable import PasserelleCore

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct WorkerThreadTests {
  /// The nice value of the thread that calls it (per thread on Linux).
  private static func niceOfThisThread() -> Int32 {
    errno = 0
    return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
  }

  private static func niceOfAThread(yields: Bool) throws -> Int32 {
    let done = DispatchSemaphore(value: 0)
    let seen = LockedValue<Int32?>(nil)
    try WorkerThread.start("nice probe", yields: yields) {
      seen.set(niceOfThisThread())
      done.signal()
    }
    #expect(done.wait(timeout: .now() + 10) == .success)
    return try #require(seen.get())
  }

  @Test func aYieldingThreadRunsBehindItsStarterAndItsStarterDoesNot() throws {
    #if os(Linux)
      let starter = Self.niceOfThisThread()
      // A starter already at the lowest priority leaves nothing to lower.
      try #require(starter < WorkerThread.yieldingNice)
      #expect(try Self.niceOfAThread(yields: true) == WorkerThread.yieldingNice)
      #expect(try Self.niceOfAThread(yields: false) == starter)
      #expect(Self.niceOfThisThread() == starter)
    #endif
  }
}

/// A value set on one thread and read on another.
private final class LockedValue<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value
  init(_ value: Value) { self.value = value }
  func set(_ new: Value) { lock.withLock { value = new } }
  func get() -> Value { lock.withLock { value } }
}
