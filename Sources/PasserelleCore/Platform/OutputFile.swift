import CPlatform

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered, append-only output file that is synced to disk on close (unless its
/// owner syncs it later). Write
/// failures (disk full, read-only folder) surface as `EnvironmentFailure`, which
/// stops the run without touching the inputs.
package final class OutputFile {
  package let path: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private var flushThreshold = 1 << 16
  /// Set by `writeBehind`: full buffers are written on a thread of their own.
  private var behind: WriteBehind? = nil
  /// Bytes written and not yet handed to the kernel's write-back.
  private var unsynced = 0
  private var written = 0
  private let writeBackThreshold = 8 << 20
  /// Set by `writeBehind`, for large files: at most once every `earlySyncStep` bytes,
  /// the part written so far is synced on a thread of its own while the rest is
  /// written, so that the disk flushes most of the file before `close` asks for it.
  /// Nil: no early sync.
  private var earlySyncStep: Int? = nil
  private var earlySync: BackgroundSync? = nil
  private var writtenSinceEarlySync = 0
  /// Bytes set aside by `reserve`: room past what was written is given back at close.
  private var reserved = 0
  /// The step of a payload's early syncs.
  package static let payloadSyncStep = 32 << 20

  package init(path: String) throws {
    self.path = path
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if descriptor < 0 {
      throw EnvironmentFailure(.cannotCreateFile, ["system": .text(systemMessage())], path: path)
    }
    buffer.reserveCapacity(flushThreshold * 2)
  }

  deinit {
    behind?.abandon()
    // The syncing thread uses the descriptor: it is closed once that thread is done.
    try? earlySync?.wait()
    if descriptor >= 0 { Glibc.close(descriptor) }
  }

  /// Sets `count` bytes of disk aside for what will be written, without changing
  /// the file's size: the file system then finds its room once instead of at each
  /// write-back (the kernel's copy of a 100 MB file, its write-back started every
  /// 8 MiB, took 33 to 36 ms without, 20 to 22 ms with). Where it cannot
  /// (no support, no room), the writes find room as usual, or fail themselves.
  package func reserve(_ count: Int) {
    guard count > 0, passerelle_reserve(descriptor, count) == 0 else { return }
    reserved = max(reserved, count)
  }

  /// From now on, full buffers are written on a thread of their own while the
  /// caller fills the next (see `WriteBehind`); a write's failure comes out of a
  /// later `write`, or of `close`. Not for `append(restOf:)`. What is written is
  /// also synced early, every `syncStep` bytes at most (see `earlySyncStep`).
  package func writeBehind(syncStep: Int = payloadSyncStep) throws {
    // The thread holds the file weakly: a file dropped unclosed ends it.
    let reference = WeakReference(self)
    behind = try WriteBehind { bytes in try reference.file?.writeAll(bytes) }
    flushThreshold = 1 << 18
    earlySyncStep = syncStep
  }

  private final class WeakReference: @unchecked Sendable {
    weak var file: OutputFile?
    init(_ file: OutputFile) { self.file = file }
  }

  package func write(_ bytes: UnsafeRawBufferPointer) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= flushThreshold { try flush() }
  }

  package func write(_ bytes: [UInt8]) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= flushThreshold { try flush() }
  }

  /// Lets `body` append to the end of the file's buffer itself, sparing a copy
  /// of what it writes.
  package func append(_ body: (inout [UInt8]) throws -> Void) throws {
    try body(&buffer)
    if buffer.count >= flushThreshold { try flush() }
  }

  package func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= flushThreshold { try flush() }
  }

  func flush() throws {
    if let behind {
      if !buffer.isEmpty { try behind.submit(&buffer) }
      if buffer.capacity < flushThreshold { buffer.reserveCapacity(flushThreshold * 2) }
      return
    }
    try buffer.withUnsafeBytes { try writeAll($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
    var offset = 0
    while offset < bytes.count {
      let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if count < 0 {
        if errno == EINTR { continue }
        throw EnvironmentFailure(.cannotWriteFile, ["system": .text(systemMessage())], path: path)
      }
      offset += count
    }
    try noteWritten(bytes.count)
  }

  private func noteWritten(_ count: Int) throws {
    written += count
    unsynced += count
    if unsynced >= writeBackThreshold {
      // Start writing the finished part to disk now, so that the fsync at close
      // has little left to wait for on large payloads.
      startWriteBack(descriptor, from: written - unsynced, count: unsynced)
      unsynced = 0
    }
    if let earlySyncStep { try syncEarly(after: count, step: earlySyncStep) }
  }

  /// Starts the next early sync once `step` bytes came since the last one started
  /// and that one is over. A failed one is thrown here: the kernel reports a
  /// write-back error once, so a later sync of the file could pass.
  private func syncEarly(after count: Int, step: Int) throws {
    writtenSinceEarlySync += count
    guard writtenSinceEarlySync >= step else { return }
    if let earlySync {
      guard earlySync.isFinished else { return }
      try earlySync.wait()
    }
    earlySync = BackgroundSync(descriptor: descriptor, path: path)
    writtenSinceEarlySync = 0
  }

  /// Appends the rest of `input`, copied by the kernel where it can: no byte passes
  /// through this process, which on a large export is most of the copy's cost.
  /// `progress` learns how many bytes this file holds after each step. Returns the
  /// bytes appended.
  /// `kernelCopies` false copies through a buffer, as where the kernel cannot.
  package func append(
    restOf input: InputFile, kernelCopies: Bool = true, progress: (Int) -> Void = { _ in }
  ) throws -> Int {
    precondition(behind == nil, "a file written behind is appended to by its own thread")
    try flush()
    let start = written
    while kernelCopies, let sent = send(from: input) {
      if sent == 0 { return written - start }
      try noteWritten(sent)
      progress(written)
    }
    // The kernel cannot copy between these two files (a network share, say), or
    // failed to: the rest goes through a buffer.
    try input.forEachChunk(size: Self.copyStep) { chunk in
      try writeAll(chunk)
      progress(written)
    }
    return written - start
  }

  private static let copyStep = 8 << 20

  /// One step of the kernel's copy: the bytes sent (0 at the end of `input`), or nil
  /// when the kernel did not copy. A failed step moves nothing, so the read and write
  /// that take over from there fail again if the fault is real, and name the file at
  /// fault: sendfile's error does not say which side it comes from.
  private func send(from input: InputFile) -> Int? {
    #if os(Linux)
      while true {
        let sent = sendfile(descriptor, input.descriptor, nil, Self.copyStep)
        if sent >= 0 {
          input.noteRead(sent)
          return sent
        }
        if errno != EINTR { return nil }
      }
    #else
      return nil
    #endif
  }

  /// Flushes, syncs and closes; the file is durable once this returns. Without
  /// `syncing`, the file is left to the kernel's write-back, already under way: its
  /// owner syncs it later (`FileSystem.sync`), once it matters.
  package func close(syncing: Bool = true) throws {
    try flush()
    if let behind {
      self.behind = nil
      try behind.finish()
    }
    if let earlySync {
      self.earlySync = nil
      try earlySync.wait()
    }
    // A file that came out shorter than the room set aside (its source shrank)
    // does not keep the rest: truncating to its size gives it back.
    if written < reserved { _ = ftruncate(descriptor, off_t(written)) }
    if syncing && fsync(descriptor) != 0 {
      throw EnvironmentFailure(.cannotSyncFile, ["system": .text(systemMessage())], path: path)
    }
    Glibc.close(descriptor)
    descriptor = -1
  }
}

/// Asks the kernel to start writing a range of a file to disk, without waiting
/// (on Linux, "don't need" starts the write-back of dirty pages).
private func startWriteBack(_ descriptor: Int32, from offset: Int, count: Int) {
  #if os(Linux)
    _ = posix_fadvise(descriptor, off_t(offset), off_t(count), POSIX_FADV_DONTNEED)
  #endif
}
