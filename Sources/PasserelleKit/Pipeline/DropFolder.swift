import Dispatch
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

}

/// Tells which files of a drop folder are complete, from one poll to the next: a
/// done-marker says so, or the size and time read through an open handle are
/// unchanged over `interval` seconds of our own monotonic clock (never the file's
/// times, which copies and network shares get wrong). Nothing sleeps here: the
/// service polls again when `nextCheck` says a waiting file may be complete.
final class CompletionTracker {
  let folder: String
  let interval: Double
  private var waiting: [String: (observation: DropFolder.Observation, since: Double)] = [:]

  init(folder: String, interval: Double) {
    self.folder = folder
    self.interval = interval
  }

  /// Seconds on a clock that only moves forward (not the wall clock).
  static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

  /// The complete files, by name; files seen changing are remembered.
  func poll(at now: Double = CompletionTracker.now()) -> [String] {
    var complete: [String] = []
    var still: [String: (observation: DropFolder.Observation, since: Double)] = [:]
    for path in DropFolder.candidates(in: folder) {
      if DropFolder.marker(for: path) != nil {
        complete.append(path)
        continue
      }
      guard let observation = DropFolder.observe(path) else { continue }
      if interval <= 0 {
        complete.append(path)
      } else if let earlier = waiting[path], earlier.observation == observation {
        if now - earlier.since >= interval {
          complete.append(path)
        } else {
          still[path] = earlier
        }
      } else {
        still[path] = (observation, now)
      }
    }
    // Complete files leave the folder when claimed; those that stay are looked at
    // afresh, so a file replaced under the same name is not taken early.
    waiting = still
    return complete.sorted()
  }

  /// When a file seen but not yet complete may be complete; nil when none waits.
  var nextCheck: Double? {
    waiting.values.map { $0.since + interval }.min()
  }

  /// A first poll, a wait of one interval, a second poll: for `run --once`.
  func pollSettled() -> [String] {
    let first = poll()
    guard nextCheck != nil, interval > 0 else { return first }
    Thread.sleep(forTimeInterval: interval)
    return poll()
  }
}
