#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A nameless file for data a run keeps aside and reads back by offset: its name
/// is removed as soon as it is created, so the file goes with its descriptor,
/// whether the run ends, fails or is killed. Nothing in it is synced.
package final class ScratchFile {
  /// The folder it was made in, to name in failures.
  package let folder: String
  private let descriptor: Int32

  /// Makes the file in `folder`, which must be writable.
  package init(in folder: String) throws {
    self.folder = folder
    var template = Array("\(folder)/.passerelle-scratch-XXXXXX".utf8CString)
    let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    if opened < 0 {
      throw EnvironmentFailure(.cannotCreateFile, ["system": .text(systemMessage())], path: folder)
    }
    descriptor = opened
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
  }

  deinit { close(descriptor) }

  /// Writes all of `bytes` at `offset`.
  package func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
    let written = try repeatedly(bytes.count, writing: true) { done in
      pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
    }
    if written < bytes.count { throw failure(writing: true) }
  }

  /// Fills `buffer` from `offset`, or as much of it as the file holds; returns the
  /// count read.
  package func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
    try repeatedly(buffer.count, writing: false) { done in
      pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
    }
  }

  /// Calls `transfer` with the count done so far until `count` bytes are done or
  /// it moves none; returns the count done. Interrupted calls are made again.
  private func repeatedly(_ count: Int, writing: Bool, _ transfer: (Int) -> Int) throws -> Int {
    var done = 0
    while done < count {
      let moved = transfer(done)
      if moved < 0 {
        if errno == EINTR { continue }
        throw failure(writing: writing)
      }
      if moved == 0 { break }
      done += moved
    }
    return done
  }

  private func failure(writing: Bool) -> EnvironmentFailure {
    let system = MessageValue.text(systemMessage())
    return writing
      ? EnvironmentFailure(.cannotWriteFile, ["system": system], path: folder)
      : EnvironmentFailure(
        .cannotReadFile, ["path": .text(folder), "reason": system], path: folder)
  }

  /// Empties the file.
  package func truncate() throws {
    if ftruncate(descriptor, 0) != 0 {
      throw EnvironmentFailure(.cannotWriteFile, ["system": .text(systemMessage())], path: folder)
    }
  }
}
