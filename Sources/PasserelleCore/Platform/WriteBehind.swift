import Foundation

/// Writes an output file's buffers on a thread of its own, so that the thread that
/// fills them goes on meanwhile: a payload of hundreds of megabytes spends a fair
/// part of its writer's time in `write`. At most two full buffers wait; the first
/// failure is kept and thrown at the next hand-over, or at `finish`.
final class WriteBehind: @unchecked Sendable {
  private let pending = BoundedQueue<[UInt8]>(capacity: 2)
  private let spare = BoundedQueue<[UInt8]>(capacity: 2)
  private let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var failure: (any Error)? = nil
  private var abandoned = false
  private let write: @Sendable (UnsafeRawBufferPointer) throws -> Void

  /// Starts the writing thread, which hands each buffer to `write`, in order.
  init(_ write: @escaping @Sendable (UnsafeRawBufferPointer) throws -> Void)
    throws(EnvironmentFailure)
  {
    self.write = write
    try WorkerThread.start("writer") { [self] in run() }
  }

  private func run() {
    while var buffer = pending.pop() {
      if lock.withLock({ failure == nil && !abandoned }) {
        do {
          try buffer.withUnsafeBytes { try write($0) }
        } catch {
          lock.withLock { failure = error }
        }
      }
      buffer.removeAll(keepingCapacity: true)
      spare.tryPush(consume buffer)
    }
    done.signal()
  }

  /// Hands `buffer` over to be written, and leaves an empty one in its place.
  func submit(_ buffer: inout [UInt8]) throws {
    try rethrowFailure()
    var next = spare.tryPop() ?? []
    swap(&next, &buffer)
    // Handed over, not shared: woken at once, the writing thread used to find this
    // thread's copy still alive, and so allocated a new buffer instead of emptying
    // this one: one of 512 KiB for each buffer of a payload.
    pending.push(consume next)
  }

  /// Waits until every buffer handed over is written.
  func finish() throws {
    pending.close()
    done.wait()
    try rethrowFailure()
  }

  /// Lets the thread end without waiting for it; buffers not written yet are dropped.
  func abandon() {
    lock.withLock { abandoned = true }
    pending.close()
  }

  private func rethrowFailure() throws {
    if let failure = lock.withLock({ failure }) { throw failure }
  }
}
