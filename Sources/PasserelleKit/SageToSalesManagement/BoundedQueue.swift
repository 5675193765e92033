import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// A queue of bounded length between threads: `push` waits while it is full,
/// `pop` while it is empty; once closed, `pop` drains what is left then returns nil.
final class BoundedQueue<Element>: @unchecked Sendable {
  private let condition = NSCondition()
  private var items: [Element] = []
  private let capacity: Int
  private var closed = false

  init(capacity: Int) { self.capacity = capacity }

  /// False when the queue was closed: the consumer gave up.
  @discardableResult
  func push(_ item: Element) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while items.count >= capacity && !closed { condition.wait() }
    if closed { return false }
    items.append(item)
    condition.broadcast()
    return true
  }

  func pop() -> Element? {
    condition.lock()
    defer { condition.unlock() }
    while items.isEmpty && !closed { condition.wait() }
    if items.isEmpty { return nil }
    let item = items.removeFirst()
    condition.broadcast()
    return item
  }

  /// Pops without waiting; nil when empty.
  func tryPop() -> Element? {
    condition.lock()
    defer { condition.unlock() }
    if items.isEmpty { return nil }
    let item = items.removeFirst()
    condition.broadcast()
    return item
  }

  /// Pushes without waiting; drops the item when the queue is full or closed.
  func tryPush(_ item: Element) {
    condition.lock()
    defer { condition.unlock() }
    guard items.count < capacity && !closed else { return }
    items.append(item)
    condition.broadcast()
  }

  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }
}
