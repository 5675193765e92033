import Foundation

/// A queue of bounded length between threads: `push` waits while it is full,
/// `pop` while it is empty; once closed, `pop` drains what is left then returns nil.
package final class BoundedQueue<Element>: @unchecked Sendable {
  private let condition = NSCondition()
  private var items: [Element] = []
  private let capacity: Int
  private var closed = false

  /// A queue holding at most `capacity` items.
  package init(capacity: Int) { self.capacity = capacity }

  /// False when the queue was closed: the consumer gave up.
  @discardableResult
  package func push(_ item: Element) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while items.count >= capacity && !closed { condition.wait() }
    if closed { return false }
    items.append(item)
    condition.broadcast()
    return true
  }

  /// The oldest item, waiting while the queue is empty; nil once closed and drained.
  package func pop() -> Element? {
    condition.lock()
    defer { condition.unlock() }
    while items.isEmpty && !closed { condition.wait() }
    if items.isEmpty { return nil }
    let item = items.removeFirst()
    condition.broadcast()
    return item
  }

  /// Pops without waiting; nil when empty.
  package func tryPop() -> Element? {
    condition.lock()
    defer { condition.unlock() }
    if items.isEmpty { return nil }
    let item = items.removeFirst()
    condition.broadcast()
    return item
  }

  /// Pushes without waiting; drops the item when the queue is full or closed.
  package func tryPush(_ item: Element) {
    condition.lock()
    defer { condition.unlock() }
    guard items.count < capacity && !closed else { return }
    items.append(item)
    condition.broadcast()
  }

  /// Ends the queue: `push` refuses from now on, `pop` drains what is left.
  package func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }
}
