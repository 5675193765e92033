import Foundation
import PasserelleCore

#if canImport(Glibc)
  import Glibc
#endif

/// `out/rapport.html`, rewritten whole: written under a temporary name in `out/`,
/// synced, then renamed over the previous page, so that IT never opens half a page
/// and a `passerelle report` beside the service never mixes with its write.
enum HTMLReportFile {
  static let name = "rapport.html"
  private static let temporaryPrefix = ".rapport-"
  private static let temporarySuffix = ".html.tmp"

  /// Writes `html` as `out/rapport.html`; returns its path.
  static func write(_ html: String, into out: String) throws -> String {
    removeLeftovers(in: out)
    let path = "\(out)/\(name)"
    let process = ProcessInfo.processInfo.processIdentifier
    let temporary =
      "\(out)/\(temporaryPrefix)\(process)-\(UInt32.random(in: 0...UInt32.max))\(temporarySuffix)"
    do {
      let output = try OutputFile(path: temporary)
      try output.write(html)
      try output.close()
      try FileSystem.rename(temporary, to: path)
    } catch {
      FileSystem.remove(temporary)
      throw error
    }
    FileSystem.syncDirectory(out)
    return path
  }

  /// Removes the temporary pages of processes killed while writing one (their id
  /// no longer runs); those of a process still at work are left to it.
  private static func removeLeftovers(in out: String) {
    for name in FileSystem.entries(of: out)
    where name.hasPrefix(temporaryPrefix) && name.hasSuffix(temporarySuffix) {
      let digits = name.dropFirst(temporaryPrefix.count).prefix { $0 != "-" }
      guard let process = Int32(digits), process != getpid(), kill(process, 0) != 0,
        errno == ESRCH
      else { continue }
      FileSystem.remove("\(out)/\(name)")
    }
  }
}
