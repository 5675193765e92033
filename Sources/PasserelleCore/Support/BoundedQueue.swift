import Foundation

/// A queue of bounded length between threads: `push` waits while it is full (then
/// until half is taken), `pop` while it is empty; once closed, `pop` drains what is
/// left then returns nil.
package final class BoundedQueue<Element>: @unchecked Sendable {
  private let condition = NSCondition()
  private var items: [Element] = []
  private let capacity: Int
  private var closed = false

  /// A queue holding at most `capacity` items.
  package init(capacity: Int) { self.capacity = capacity }

  /// False when the queue was closed: the consumer gave up. A push that finds the
  /// queue full waits until consumers took half of it, not one item: woken at each
  /// item taken, a reader ahead of two mapping threads took a processor from one of
  /// them for every block (a sixth of a conversion's context switches).
  ///
  /// The queue takes `item` over: a caller that passes its last reference keeps
  /// none, so a consumer woken at once finds the item uniquely referenced and may
  /// reuse its storage instead of copying it.
  @discardableResult
  package func push(_ item: consuming Element) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    if items.count >= capacity && !closed {
      repeat { condition.wait() } while items.count > capacity / 2 && !closed
    }
    if closed { return false }
    items.append(consume item)
    condition.broadcast()
    return true
  }

  /// The oldest item, waiting while the queue is empty; nil once closed and drained.
  package func pop() -> Element? {
    condition.lock()
    defer { condition.unlock() }
    while items.isEmpty && !closed { condition.wait() }
    if items.isEmpty { return nil }
    return removeFirst()
  }

  /// Pops without waiting; nil when empty.
  package func tryPop() -> Element? {
    condition.lock()
    defer { condition.unlock() }
    if items.isEmpty { return nil }
    return removeFirst()
  }

  /// Takes the oldest item, the lock held; producers waiting for room are woken
  /// once the queue is down to half (see `push`).
  private func removeFirst() -> Element {
    let item = items.removeFirst()
    if items.count <= capacity / 2 { condition.broadcast() }
    return item
  }

  /// Pushes without waiting; drops the item when the queue is full or closed, and
  /// then returns false. Takes `item` over, as `push` does.
  @discardableResult
  package func tryPush(_ item: consuming Element) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    guard items.count < capacity && !closed else { return false }
    items.append(consume item)
    condition.broadcast()
    return true
  }

  /// Ends the queue: `push` refuses from now on, `pop` drains what is left.
  package func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }
}
