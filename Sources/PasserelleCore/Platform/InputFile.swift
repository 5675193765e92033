#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Sequential, chunked reading of a file through one open handle. The one place
/// that opens input files and reads their bytes (besides the kernel's copy of
/// `OutputFile.append`, on its descriptor), so that a Windows port has little to redo.
package final class InputFile {
  let path: String
  /// For a parser that reads by itself (libxml2), so that it reads this very file.
  package let descriptor: Int32

  /// Opens a regular file only: a symbolic link is never followed (wherever it
  /// points, even inside our folders), and a pipe or device, which could block a
  /// read forever, is refused without waiting on it.
  package init(path: String) throws(FileRejection) {
    self.path = path
    var opened = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
    if opened < 0 && errno == EWOULDBLOCK {
      // A lease held by a file server (Samba) is broken by a blocking open; only
      // regular files carry leases, so this is no pipe.
      opened = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    }
    if opened < 0 {
      if errno == ELOOP {
        throw FileRejection(
          .linkNotFollowed, .fileIsLink, ["target": .text(FileSystem.linkTarget(path) ?? "?")])
      }
      throw FileRejection(.unreadableEncoding, .fileCannotOpen, ["system": "\(systemMessage())"])
    }
    var info = stat()
    if fstat(opened, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG {
      close(opened)
      throw FileRejection(.unreadableEncoding, .fileNotRegular)
    }
    _ = fcntl(opened, F_SETFL, fcntl(opened, F_GETFL) & ~O_NONBLOCK)
    // Set last: a throw above leaves the object unfinished, so `deinit` never closes it.
    descriptor = opened
  }

  deinit { close(descriptor) }

  /// Size as seen through the open handle (not through the directory entry,
  /// which network shares report late).
  package var size: Int {
    var info = stat()
    return fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
  }

  /// Fills `buffer` from the current position; 0 at end of file.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileRejection) -> Int {
    while true {
      let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
      if count >= 0 {
        noteRead(count)
        return count
      }
      if errno == EINTR { continue }
      throw FileRejection(.unreadableEncoding, .fileReadFailed, ["system": "\(systemMessage())"])
    }
  }

  /// Counts bytes read from this file by other means (the kernel's copy), for the
  /// progress line.
  func noteRead(_ count: Int) {
    ReadProgress.shared.add(count, from: path)
  }

  /// Fills `buffer` as far as the file goes (a read may return less than asked);
  /// returns the bytes read.
  package func readFully(into buffer: UnsafeMutableRawBufferPointer) throws(FileRejection) -> Int {
    var filled = 0
    while filled < buffer.count {
      let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
      if count == 0 { break }
      filled += count
    }
    return filled
  }

  /// Calls `body` with successive chunks of the whole file.
  package func forEachChunk(
    size chunkSize: Int = 1 << 16, _ body: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let count = try read(into: buffer)
      if count == 0 { return }
      try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }
  }
}

package func systemMessage(_ code: Int32 = errno) -> String {
  String(cString: strerror(code))
}
