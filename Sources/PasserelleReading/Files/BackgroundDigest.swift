import Crypto
import Foundation
import PasserelleCore

/// SHA-256 of a file's bytes, computed on a thread of its own while the caller
/// copies and scans them: on a large export the hash costs as much as the copy, and
/// two processors do both at once. The bytes are handed over in blocks of 1 MiB, at
/// most four waiting, so memory stays flat. Without a thread (the system refused
/// one) it hashes on the caller's.
final class BackgroundDigest {
  /// The blocks waiting and the result, shared with the hashing thread.
  private final class Queue: @unchecked Sendable {
    let condition = NSCondition()
    var blocks: [[UInt8]] = []
    var closed = false
    var digest: SHA256.Digest?

    /// The hashing thread's loop: blocks in order, until closed and drained.
    func run() {
      var hasher = SHA256()
      while let block = next() { hasher.update(data: block) }
      condition.lock()
      digest = hasher.finalize()
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

    func result() -> SHA256.Digest {
      condition.lock()
      defer { condition.unlock() }
      while digest == nil { condition.wait() }
      return digest!
    }
  }

  private static let blockSize = 1 << 20
  private let queue: Queue?
  private var inline = SHA256()
  private var block: [UInt8] = []
  /// Set by `finalize`: later bytes would be hashed by nobody.
  private var finished: String?

  init() {
    let queue = Queue()
    self.queue = (try? WorkerThread.start("digest") { queue.run() }) != nil ? queue : nil
    if self.queue != nil { block.reserveCapacity(Self.blockSize) }
  }

  /// An abandoned digest (the read failed) still lets its thread end.
  deinit { queue?.close() }

  func update(_ bytes: UnsafeRawBufferPointer) {
    precondition(finished == nil, "bytes given after the digest was finalized")
    guard let queue else { return inline.update(bufferPointer: bytes) }
    block.append(contentsOf: bytes)
    guard block.count >= Self.blockSize else { return }
    queue.add(block)
    block.removeAll(keepingCapacity: true)
  }

  /// The digest of every byte given, in hexadecimal.
  func finalize() -> String {
    if let finished { return finished }
    let digest: String
    if let queue {
      if !block.isEmpty { queue.add(block) }
      block = []
      queue.close()
      digest = Hex.string(queue.result())
    } else {
      digest = Hex.string(inline.finalize())
    }
    finished = digest
    return digest
  }
}
