import Crypto
import PasserelleCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The configured image folders (absolute paths), searched in order. Each folder is listed
/// once, at the first lookup, and names are matched exactly first, then ignoring case, since
/// the exports come from Windows where `ART01.JPG` and `art01.jpg` are the same file.
/// Not thread-safe: one conversion uses it from one thread.
package final class PictureFolders {
  let folders: [String]
  let maximumBytes: Int
  private var indexes: [FolderIndex]?

  private struct FolderIndex {
    let path: String
    /// The folder with links resolved; nil when it does not exist.
    let realPath: String?
    /// Lookup name → name on disk.
    let exact: [String: String]
    /// Lowercased name → name on disk (the first in sorted order when several fold alike).
    let folded: [String: String]
  }

  package init(_ folders: [String], maximumBytes: Int = 20 << 20) {
    self.folders = folders.map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    self.maximumBytes = maximumBytes
  }

  package func resolve(_ name: String) -> PictureLookup {
    for folder in folderIndexes() {
      if let entry = folder.exact[name] ?? folder.folded[name.lowercased()] {
        return inspect(entry, in: folder)
      }
    }
    return .missing
  }

  /// Lowercase hex SHA-256 of the picture's bytes, read in 64 KiB chunks. A picture that
  /// cannot be read any more throws a `FileRejection` with an image reason code.
  package func sha256(of picture: ResolvedPicture) throws -> String {
    var hasher = SHA256()
    try PictureFile.forEachChunk(of: picture.path, limit: maximumBytes) { chunk in
      hasher.update(bufferPointer: chunk)
    }
    return Hex.string(hasher.finalize())
  }

  /// Copies the picture to `destination` (created or replaced, mode 0644) and syncs it.
  /// Reading failures throw a `FileRejection`; writing failures an `EnvironmentFailure`,
  /// after removing the partial copy.
  package func copy(_ picture: ResolvedPicture, to destination: String) throws {
    let output = try PictureFile.Output(path: destination)
    do {
      try PictureFile.forEachChunk(of: picture.path, limit: maximumBytes) { chunk in
        try output.write(chunk)
      }
      try output.finish()
    } catch {
      output.discard()
      throw error
    }
  }

  private func folderIndexes() -> [FolderIndex] {
    if let indexes { return indexes }
    let built = folders.map { folder in
      var exact: [String: String] = [:]
      var folded: [String: String] = [:]
      for name in PictureFile.names(in: folder).sorted() {
        exact[name] = name
        let key = name.lowercased()
        if folded[key] == nil { folded[key] = name }
      }
      return FolderIndex(
        path: folder, realPath: PictureFile.realPath(folder), exact: exact, folded: folded)
    }
    indexes = built
    return built
  }

  private func inspect(_ name: String, in folder: FolderIndex) -> PictureLookup {
    let path = folder.path == "/" ? "/" + name : folder.path + "/" + name
    switch PictureFile.kind(of: path) {
    case .absent:
      return .missing
    case .regular(let size, let modified):
      return checkedSize(ResolvedPicture(path: path, name: name, size: size, modified: modified))
    case .link:
      // Only a link to a regular file inside the same folder is followed.
      guard let target = PictureFile.realPath(path) else {
        return .unsafe(Message(.pictureLinkDangling))
      }
      guard let root = folder.realPath, target.hasPrefix(root == "/" ? "/" : root + "/") else {
        return .unsafe(Message(.pictureLinkOutside))
      }
      guard case .regular(let size, let modified) = PictureFile.kind(of: target) else {
        return .unsafe(Message(.pictureLinkNotFile))
      }
      return checkedSize(
        ResolvedPicture(path: target, name: name, size: size, modified: modified))
    case .directory:
      return .unsafe(Message(.pictureIsFolder))
    case .other:
      return .unsafe(Message(.pictureNotRegular))
    }
  }

  private func checkedSize(_ picture: ResolvedPicture) -> PictureLookup {
    guard picture.size <= maximumBytes else {
      return .unsafe(
        Message(
          .pictureTooLarge,
          [
            "size": .message(Self.formatted(picture.size)),
            "limit": .message(Self.formatted(maximumBytes)),
          ]))
    }
    return .found(picture)
  }

  /// Sizes as IT reads them: bytes, whole KB, or MB with one decimal, rounded up so that a
  /// picture just over the limit does not read as equal to it.
  static func formatted(_ bytes: Int) -> Message {
    if bytes < 1 << 10 { return Message(.sizeBytes, ["count": .number(bytes)]) }
    if bytes < 1 << 20 {
      return Message(.sizeKilobytes, ["count": .number((bytes + (1 << 10) - 1) >> 10)])
    }
    let tenths = (bytes * 10 + (1 << 20) - 1) >> 20
    return tenths % 10 == 0
      ? Message(.sizeMegabytes, ["count": .number(tenths / 10)])
      : Message(
        .sizeMegabytesTenths, ["count": .number(tenths / 10), "tenth": .number(tenths % 10)])
  }
}

/// The POSIX calls behind `PictureFolders`, kept together for a port to another system.
private enum PictureFile {
  enum Kind {
    case absent
    case regular(size: Int, modified: Int)
    case link
    case directory
    case other
  }

  static let chunkSize = 1 << 16

  /// Entry names of a folder, without "." and ".."; empty when the folder cannot be listed.
  /// Names that are not valid UTF-8 are skipped: no export can name them.
  static func names(in folder: String) -> [String] {
    guard let directory = opendir(folder) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(validatingCString: bytes.baseAddress!.assumingMemoryBound(to: CChar.self))
      }
      guard let name, name != ".", name != ".." else { continue }
      names.append(name)
    }
    return names
  }

  /// What the entry itself is, without following a link.
  static func kind(of path: String) -> Kind {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .absent }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      return .regular(
        size: Int(info.st_size),
        modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    case S_IFLNK: return .link
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Reads a regular file in chunks. Links are refused (paths given here have them resolved
  /// already), and a file that changed into something else or grew past `limit` since it was
  /// looked up is rejected.
  static func forEachChunk(
    of path: String, limit: Int, _ body: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    // Non-blocking, so that a pipe swapped in cannot stall the run; no effect on files.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
    guard descriptor >= 0 else {
      throw FileRejection(
        .imageMissing, .pictureCannotOpen, ["path": .text(path), "system": .text(systemMessage())])
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      throw FileRejection(.imageUnsafePath, .pictureNoLongerRegular, ["path": .text(path)])
    }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    var total = 0
    while true {
      let count = read(descriptor, buffer.baseAddress, chunkSize)
      if count < 0 {
        if errno == EINTR { continue }
        throw FileRejection(
          .imageMissing, .pictureCannotRead,
          ["path": .text(path), "system": .text(systemMessage())])
      }
      if count == 0 { return }
      total += count
      guard total <= limit else {
        throw FileRejection(.imageUnsafePath, .pictureGrew, ["path": .text(path)])
      }
      try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }
  }

  /// A copy being written; durable once `finish` returns.
  final class Output {
    let path: String
    private var descriptor: Int32

    init(path: String) throws {
      self.path = path
      descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else {
        throw EnvironmentFailure(
          .pictureCopyFailed, ["step": "open", "system": .text(systemMessage())], path: path)
      }
      // The umask may have narrowed the mode; the copy must be readable by the uploader.
      guard fchmod(descriptor, 0o644) == 0 else {
        let failure = EnvironmentFailure(
          .pictureCopyFailed, ["step": "fchmod", "system": .text(systemMessage())], path: path)
        discard()
        throw failure
      }
    }

    deinit {
      if descriptor >= 0 { close(descriptor) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
      var offset = 0
      while offset < bytes.count {
        let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if count < 0 {
          if errno == EINTR { continue }
          throw EnvironmentFailure(
            .pictureCopyFailed, ["step": "write", "system": .text(systemMessage())], path: path)
        }
        offset += count
      }
    }

    func finish() throws {
      guard fsync(descriptor) == 0 else {
        throw EnvironmentFailure(
          .pictureCopyFailed, ["step": "fsync", "system": .text(systemMessage())], path: path)
      }
      let result = close(descriptor)
      descriptor = -1
      guard result == 0 else {
        throw EnvironmentFailure(
          .pictureCopyFailed, ["step": "close", "system": .text(systemMessage())], path: path)
      }
    }

    /// Closes and removes a copy that failed half-way.
    func discard() {
      if descriptor >= 0 { close(descriptor) }
      descriptor = -1
      unlink(path)
    }
  }
}
