import Dispatch
import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

#if canImport(Glibc)
  import Glibc
#endif

/// Which files of a drop folder may be picked up, and when they are complete.
enum DropFolder {
  /// Temporary, hidden and system files are never picked up (`docs/exchange-contract.md`).
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

  /// Size, times and identity read through an open handle: directory listings on
  /// network shares report them late. The change time and the inode also catch a
  /// copy that keeps the source's modification time and a file replaced under its name.
  struct Observation: Equatable {
    var size: Int
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var changedSeconds: Int
    var changedNanoseconds: Int
    var inode: UInt64
  }

  static func observe(_ path: String) -> Observation? {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Observation(
      size: Int(info.st_size), modifiedSeconds: Int(info.st_mtim.tv_sec),
      modifiedNanoseconds: Int(info.st_mtim.tv_nsec), changedSeconds: Int(info.st_ctim.tv_sec),
      changedNanoseconds: Int(info.st_ctim.tv_nsec), inode: UInt64(info.st_ino))
  }

  static let markerSuffixes = [".done", ".ok"]

  /// The done-marker that vouches for `path`: one written after the file's last
  /// change. An older one belongs to an earlier file of that name and is ignored.
  static func marker(for path: String) -> String? {
    var file = stat()
    guard lstat(path, &file) == 0 else { return nil }
    for suffix in markerSuffixes {
      var marker = stat()
      guard lstat(path + suffix, &marker) == 0 else { continue }
      let markerTime = (Int(marker.st_ctim.tv_sec), Int(marker.st_ctim.tv_nsec))
      let fileTime = (Int(file.st_ctim.tv_sec), Int(file.st_ctim.tv_nsec))
      if markerTime >= fileTime { return path + suffix }
    }
    return nil
  }

  /// Regular files and symbolic links that are candidates, sorted by name. A link
  /// is taken only to be set aside: reading never follows one.
  static func candidates(in folder: String) -> [String] {
    FileSystem.entries(of: folder)
      .filter {
        !isIgnored($0)
          && (FileSystem.isRegularFile("\(folder)/\($0)")
            || FileSystem.isSymbolicLink("\(folder)/\($0)"))
      }
      .map { "\(folder)/\($0)" }
  }

  /// A file that is complete without being watched: one vouched for by a marker,
  /// or a symbolic link (made whole at once, and never read).
  static func isCompleteAsItIs(_ path: String) -> Bool {
    marker(for: path) != nil || FileSystem.isSymbolicLink(path)
  }

}
