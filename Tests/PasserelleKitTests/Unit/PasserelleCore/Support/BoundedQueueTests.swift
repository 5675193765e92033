import Foundation
import Testing

@testable import PasserelleCore

/// The queue between a reader, its mapping threads and the thread that consumes
/// their blocks: every item comes out once, in each producer's order, however
/// often producers wait for room (a producer that found the queue full goes on
/// once half of it is taken) and consumers for items.
@Suite struct BoundedQueueTests {
  /// Three producers, one consumer: each producer's items come out in its order,
  /// every one of them; producers wait on the full queue again and again.
  @Test func eachProducersItemsComeOutInItsOrder() {
    let queue = BoundedQueue<(producer: Int, index: Int)>(capacity: 4)
    let (producers, count) = (3, 20_000)
    let produced = DispatchGroup()
    for producer in 0..<producers {
      DispatchQueue.global().async(group: produced) {
        for index in 0..<count { queue.push((producer, index)) }
      }
    }
    let order = Order(producers: producers)
    let consumed = DispatchGroup()
    DispatchQueue.global().async(group: consumed) {
      while let item = queue.pop() { order.note(item) }
    }
    #expect(produced.wait(timeout: .now() + 60) == .success)
    queue.close()
    #expect(consumed.wait(timeout: .now() + 60) == .success)
    #expect(order.inOrder)
    #expect(order.next == [Int](repeating: count, count: producers))
  }

  /// One producer, two consumers: every item is taken once.
  @Test func everyItemIsTakenOnce() {
    let queue = BoundedQueue<Int>(capacity: 4)
    let count = 40_000
    let tally = Tally(count: count)
    let consumed = DispatchGroup()
    for _ in 0..<2 {
      DispatchQueue.global().async(group: consumed) {
        while let item = queue.pop() { tally.note(item) }
      }
    }
    for item in 0..<count { queue.push(item) }
    queue.close()
    #expect(consumed.wait(timeout: .now() + 60) == .success)
    #expect(tally.takenOnce == count && tally.takenTwice == 0)
  }

  /// What one consumer saw of each producer's items.
  private final class Order: @unchecked Sendable {
    private(set) var next: [Int]
    private(set) var inOrder = true
    init(producers: Int) { next = [Int](repeating: 0, count: producers) }

    /// Called by the consumer's thread alone.
    func note(_ item: (producer: Int, index: Int)) {
      inOrder = inOrder && item.index == next[item.producer]
      next[item.producer] = item.index + 1
    }
  }

  /// What consumers took, item by item.
  private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var taken: [Bool]
    private(set) var takenOnce = 0
    private(set) var takenTwice = 0
    init(count: Int) { taken = [Bool](repeating: false, count: count) }

    func note(_ item: Int) {
      lock.withLock {
        if taken[item] { takenTwice += 1 } else { takenOnce += 1 }
        taken[item] = true
      }
    }
  }
}
