import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// File operations the batch protocol relies on: atomic renames (retried, since
/// antivirus software holds files for a moment on Windows shares), durable
/// writes and directory syncs.
package enum FileSystem {
  package static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  package static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  package static func isSymbolicLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
  }

  /// Whether anyone but the owner may read or change the file (group or other
  /// permission bits), as ssh checks a private key. POSIX only: Windows keeps
  /// access lists, checked there by a seam of its own.
  package static func isOpenToOthers(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & 0o077) != 0
  }

  /// Where a symbolic link points, as written in the link (never resolved).
  static func linkTarget(_ path: String) -> String? {
    try? FileManager.default.destinationOfSymbolicLink(atPath: path)
  }

  package static func createDirectory(_ path: String) throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Names in a directory, sorted, without "." entries' special meaning applied.
  package static func entries(of directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }

  /// Atomic rename within one volume, retried with back-off before failing.
  package static func rename(_ source: String, to destination: String, attempts: Int = 5) throws {
    var delay: UInt32 = 50_000
    for attempt in 1...attempts {
      if Glibc.rename(source, destination) == 0 { return }
      let failure = errno
      if failure == ENOENT || attempt == attempts {
        throw EnvironmentFailure(
          .cannotRename,
          [
            "source": .text(source), "destination": .text(destination),
            "system": .text(systemMessage(failure)),
          ])
      }
      usleep(delay)
      delay *= 2
    }
  }

  package static func remove(_ path: String) {
    unlink(path)
  }

  /// Flushes a directory so that renames inside it survive a power cut.
  package static func syncDirectory(_ path: String) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  /// Copies a file byte for byte (used when the original must stay in place), not
  /// synced: its caller syncs it (`sync`) once that matters, by when the kernel's
  /// write-back has done most of it. `progress` learns how many bytes the copy holds
  /// after each step, so that a caller needing the bytes (to hash them) can read the
  /// copy as it grows. Returns the number of bytes copied.
  @discardableResult
  package static func copy(
    _ source: String, to destination: String, progress: (Int) -> Void = { _ in }
  ) throws -> Int {
    let input = try InputFile(path: source)
    let output = try OutputFile(path: destination)
    output.reserve(input.size)
    let copied = try output.append(restOf: input, progress: progress)
    try output.close(syncing: false)
    return copied
  }

  /// Syncs a file written earlier: its content is durable once this returns.
  package static func sync(_ path: String) throws {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0, fsync(descriptor) == 0 else {
      let failure = EnvironmentFailure(
        .cannotSyncFile, ["system": .text(systemMessage())], path: path)
      if descriptor >= 0 { close(descriptor) }
      throw failure
    }
    close(descriptor)
  }

  /// Writes small contents durably under a temporary name, then renames it in place.
  package static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    let temporary = path + ".tmp"
    let output = try OutputFile(path: temporary)
    try bytes.withUnsafeBytes { try output.write($0) }
    try output.close()
    try rename(temporary, to: path)
  }
}
