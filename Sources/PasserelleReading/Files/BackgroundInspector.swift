import Foundation
import PasserelleCore

/// A file's inspection (its SHA-256, its encoding, what would make it unreadable)
/// run on a thread of its own while the caller copies the bytes: on a large export
/// the scan and the hash cost as much as the copy, and two processors do both at
/// once. The bytes are handed over in blocks of 1 MiB, at most four waiting, so
/// memory stays flat. Without a thread (the system refused one) it inspects on the
/// caller's.
package final class BackgroundInspector {
  /// The blocks waiting and the inspection, shared with the inspecting thread.
  private final class Queue: @unchecked Sendable {
    let condition = NSCondition()
    var blocks: [[UInt8]] = []
    var closed = false
    var finished = false
    /// Touched by the inspecting thread only, until `finished`.
    var inspector = FileInspection.Inspector()

    /// The inspecting thread's loop: blocks in order, until closed and drained.
    func run() {
      while let block = next() { block.withUnsafeBytes { inspector.consume($0) } }
      condition.lock()
      finished = true
      condition.broadcast()
      condition.unlock()
    }

    private func next() -> [UInt8]? {
      condition.lock()
      defer { condition.unlock() }
      while blocks.isEmpty && !closed { condition.wait() }
      guard !blocks.isEmpty else { return nil }
      condition.broadcast()
      return blocks.removeFirst()
    }

    func add(_ block: [UInt8]) {
      condition.lock()
      while blocks.count >= 4 { condition.wait() }
      blocks.append(block)
      condition.broadcast()
      condition.unlock()
    }

    func close() {
      condition.lock()
      closed = true
      condition.broadcast()
      condition.unlock()
    }

    func result() -> FileInspection.Inspector {
      condition.lock()
      defer { condition.unlock() }
      while !finished { condition.wait() }
      return inspector
    }
  }

  private static let blockSize = 1 << 20
  private let queue: Queue?
  private var inline = FileInspection.Inspector()
  private var block: [UInt8] = []
  /// Set once the inspection is read: later bytes would be inspected by nobody.
  private var finished: FileInspection.Inspector?

  package init() {
    let queue = Queue()
    self.queue = (try? WorkerThread.start("inspection") { queue.run() }) != nil ? queue : nil
    if self.queue != nil { block.reserveCapacity(Self.blockSize) }
  }

  /// An abandoned inspection (the copy failed) still lets its thread end.
  deinit { queue?.close() }

  package func consume(_ bytes: UnsafeRawBufferPointer) {
    precondition(finished == nil, "bytes given after the inspection was read")
    guard let queue else { return inline.consume(bytes) }
    block.append(contentsOf: bytes)
    guard block.count >= Self.blockSize else { return }
    queue.add(block)
    block.removeAll(keepingCapacity: true)
  }

  /// What the bytes consumed tell, or why the file cannot be read as text.
  package func facts(fallback: TextEncoding) throws(FileRejection) -> FileFacts {
    try inspection().facts(fallback: fallback)
  }

  private func inspection() -> FileInspection.Inspector {
    if let finished { return finished }
    let inspector: FileInspection.Inspector
    if let queue {
      if !block.isEmpty { queue.add(block) }
      block = []
      queue.close()
      inspector = queue.result()
    } else {
      inspector = inline
    }
    finished = inspector
    return inspector
  }
}
