import Foundation
import Testing

@testable import SalesManagementAPI

/// The async semaphore that bounds the calls in flight.
@Suite struct InFlightLimitTests {
  /// Counts holders seen at once.
  private actor Gauge {
    var current = 0
    var highest = 0
    func enter() {
      current += 1
      highest = max(highest, current)
    }
    func leave() { current -= 1 }
  }

  @Test func neverMoreHoldersThanTheLimitAndEveryWaiterServed() async throws {
    let limit = InFlightLimit(limit: 4)
    let gauge = Gauge()
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<40 {
        group.addTask {
          try await limit.acquire()
          await gauge.enter()
          try await Task.sleep(for: .milliseconds(5))
          await gauge.leave()
          await limit.release()
        }
      }
      try await group.waitForAll()
    }
    #expect(await gauge.highest == 4)
    #expect(await gauge.current == 0)
    #expect(await limit.currentHolders == 0)
  }

  @Test func aCancelledWaiterLeavesWithoutTakingAPlace() async throws {
    let limit = InFlightLimit(limit: 1)
    try await limit.acquire()
    let waiter = Task { try await limit.acquire() }
    try await Task.sleep(for: .milliseconds(50))
    waiter.cancel()
    await #expect(throws: CancellationError.self) { try await waiter.value }
    await limit.release()
    #expect(await limit.currentHolders == 0)
    try await limit.acquire()
    #expect(await limit.currentHolders == 1)
    await limit.release()
  }
}
