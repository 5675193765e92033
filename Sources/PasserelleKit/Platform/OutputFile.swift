#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered, append-only output file that is synced to disk on close. Write
/// failures (disk full, read-only folder) surface as `EnvironmentFailure`, which
/// stops the run without touching the inputs.
final class OutputFile {
  let path: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private let flushThreshold = 1 << 16

  init(path: String) throws {
    self.path = path
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if descriptor < 0 {
      throw EnvironmentFailure("cannot create \(path): \(systemMessage())")
    }
    buffer.reserveCapacity(flushThreshold * 2)
  }

  deinit {
    if descriptor >= 0 { Glibc.close(descriptor) }
  }

  func write(_ bytes: UnsafeRawBufferPointer) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= flushThreshold { try flush() }
  }

  func write(_ bytes: [UInt8]) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= flushThreshold { try flush() }
  }

  func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= flushThreshold { try flush() }
  }

  func flush() throws {
    try buffer.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw EnvironmentFailure("cannot write \(path): \(systemMessage())")
        }
        offset += written
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, syncs and closes; the file is durable once this returns.
  func close() throws {
    try flush()
    if fsync(descriptor) != 0 {
      throw EnvironmentFailure("cannot sync \(path): \(systemMessage())")
    }
    Glibc.close(descriptor)
    descriptor = -1
  }
}
