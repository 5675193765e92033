import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Which files of a drop folder may be picked up, and when they are complete.
enum DropFolder {
  /// Temporary, hidden and system files are never picked up (exchange contract).
  static func isIgnored(_ name: String) -> Bool {
    let lower = name.lowercased()
    if name.hasPrefix(".") || name.hasPrefix("~$") { return true }
    if ["thumbs.db", "desktop.ini"].contains(lower) { return true }
    for suffix in [".tmp", ".part", ".partial", ".crdownload", ".done", ".ok"]
    where lower.hasSuffix(suffix) {
      return true
    }
    return false
  }

  /// Size and modification time read through an open handle: directory listings on
  /// network shares report them late.
  struct Observation: Equatable {
    var size: Int
    var modified: Int
  }

  static func observe(_ path: String) -> Observation? {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Observation(
      size: Int(info.st_size),
      modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
  }

  static func marker(for path: String) -> String? {
    for suffix in [".done", ".ok"] where FileSystem.exists(path + suffix) { return path + suffix }
    return nil
  }

  /// Regular files (symlinks are not followed) that are candidates, sorted by name then size.
  static func candidates(in folder: String) -> [String] {
    FileSystem.entries(of: folder)
      .filter { !isIgnored($0) && FileSystem.isRegularFile("\(folder)/\($0)") }
      .map { "\(folder)/\($0)" }
  }

  /// The candidates that are complete: a done-marker says so, or size and time are
  /// unchanged over `interval` seconds of our own clock.
  static func completeFiles(in folder: String, interval: Double) -> [String] {
    completeFiles(in: [folder], interval: interval)
  }

  /// The same over several folders, observed together (one wait for all).
  static func completeFiles(in folders: [String], interval: Double) -> [String] {
    let first = folders.flatMap(candidates(in:))
    var complete: [String] = []
    var waiting: [(String, Observation)] = []
    for path in first {
      if marker(for: path) != nil {
        complete.append(path)
      } else if let observation = observe(path) {
        waiting.append((path, observation))
      }
    }
    if !waiting.isEmpty && interval > 0 {
      Thread.sleep(forTimeInterval: interval)
    }
    for (path, earlier) in waiting where observe(path) == earlier { complete.append(path) }
    return complete.sorted()
  }
}
