import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A nameless file for data a run keeps aside and reads back by offset: its name
/// is removed as soon as it is created, so the file goes with its descriptor,
/// whether the run ends, fails or is killed. Nothing in it is synced. (Windows,
/// which cannot remove the name of an open file, will ask for deletion on close.)
package final class ScratchFile {
  /// The folder it was made in, to name in failures.
  package let folder: String
  private let descriptor: Int32

  /// Makes the file in `folder`, which must be writable; in the system's temporary
  /// folder when none is given (a database in memory), or if the name cannot be
  /// removed there (some network shares).
  package init(in folder: String?) throws {
    let fallback = FileManager.default.temporaryDirectory.path
    let folder = folder.flatMap { $0.isEmpty ? nil : $0 } ?? fallback
    var code: Int32 = 0
    // Tried once when it is the folder given (or none was).
    for candidate in folder == fallback ? [folder] : [folder, fallback] {
      var template = Array("\(candidate)/.passerelle-scratch-XXXXXX".utf8CString)
      let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      if opened < 0 {
        code = errno
        break
      }
      // As every descriptor Passerelle opens: not inherited by a program it starts.
      _ = fcntl(opened, F_SETFD, FD_CLOEXEC)
      if template.withUnsafeBufferPointer({ unlink($0.baseAddress!) }) == 0 {
        (self.folder, descriptor) = (candidate, opened)
        return
      }
      code = errno
      close(opened)
    }
    throw EnvironmentFailure(
      .cannotCreateFile, ["system": .text(systemMessage(code))], path: folder)
  }

  deinit { close(descriptor) }

  /// Writes all of `bytes` at `offset`.
  package func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
    let written = try repeatedly(bytes.count, writing: true) { done in
      pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
    }
    // A write that moves nothing without an error: the volume is full.
    if written < bytes.count { throw failure(writing: true, ENOSPC) }
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
        throw failure(writing: writing, errno)
      }
      if moved == 0 { break }
      done += moved
    }
    return done
  }

  private func failure(writing: Bool, _ code: Int32) -> EnvironmentFailure {
    let system = MessageValue.text(systemMessage(code))
    return writing
      ? EnvironmentFailure(.cannotWriteFile, ["system": system], path: folder)
      : EnvironmentFailure(.cannotReadFile, ["path": .text(folder), "reason": system])
  }

  /// Empties the file.
  package func truncate() throws {
    if ftruncate(descriptor, 0) != 0 {
      throw EnvironmentFailure(.cannotWriteFile, ["system": .text(systemMessage())], path: folder)
    }
  }
}
