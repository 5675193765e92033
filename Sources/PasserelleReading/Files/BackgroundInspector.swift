import Foundation
import PasserelleCore

/// A file's inspection (its SHA-256, its encoding, what would make it unreadable)
/// run on a thread of its own while the caller copies the bytes: on a large export
/// the scan and the hash cost as much as the copy, and two processors do both at
/// once. The bytes are handed over in blocks of 1 MiB, at most four waiting, and
/// the blocks come back to be filled again, so memory stays flat. Without a thread
/// (the system refused one) it inspects on the caller's.
package final class BackgroundInspector {
  /// What the inspecting thread shares with the caller.
  private final class Work: @unchecked Sendable {
    let blocks = BoundedQueue<[UInt8]>(capacity: 4)
    /// Inspected blocks, emptied, for the caller to fill again.
    let spare = BoundedQueue<[UInt8]>(capacity: 5)
    let done = DispatchSemaphore(value: 0)
    /// Touched by the inspecting thread only, until `done` is signalled.
    var inspector = FileInspection.Inspector()

    /// The inspecting thread's loop: blocks in order, until closed and drained.
    func run() {
      while var block = blocks.pop() {
        block.withUnsafeBytes { inspector.consume($0) }
        block.removeAll(keepingCapacity: true)
        spare.tryPush(block)
      }
      done.signal()
    }
  }

  private static let blockSize = 1 << 20
  private let work: Work?
  private var inline = FileInspection.Inspector()
  private var block: [UInt8] = []
  /// Set once the inspection is read: later bytes would be inspected by nobody.
  private var finished: FileInspection.Inspector?

  package init() {
    let work = Work()
    self.work = (try? WorkerThread.start("inspection") { work.run() }) != nil ? work : nil
    if self.work != nil { block.reserveCapacity(Self.blockSize) }
  }

  /// An abandoned inspection (the copy failed) still lets its thread end.
  deinit { work?.blocks.close() }

  package func consume(_ bytes: UnsafeRawBufferPointer) {
    precondition(finished == nil, "bytes given after the inspection was read")
    guard let work else { return inline.consume(bytes) }
    block.append(contentsOf: bytes)
    guard block.count >= Self.blockSize else { return }
    work.blocks.push(block)
    block = work.spare.tryPop() ?? Self.emptyBlock()
  }

  /// What the bytes consumed tell, or why the file cannot be read as text.
  package func facts(fallback: TextEncoding) throws(FileRejection) -> FileFacts {
    try inspection().facts(fallback: fallback)
  }

  private func inspection() -> FileInspection.Inspector {
    if let finished { return finished }
    let inspector: FileInspection.Inspector
    if let work {
      if !block.isEmpty { work.blocks.push(block) }
      block = []
      work.blocks.close()
      work.done.wait()
      inspector = work.inspector
    } else {
      inspector = inline
    }
    finished = inspector
    return inspector
  }

  private static func emptyBlock() -> [UInt8] {
    var block: [UInt8] = []
    block.reserveCapacity(blockSize)
    return block
  }
}
