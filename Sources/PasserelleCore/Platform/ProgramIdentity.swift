import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What tells this build of Passerelle from any other: its executable's size,
/// modification time and file number. What depends on how rows are mapped (the
/// fingerprints of unchanged rows) must not outlive an upgrade.
package enum ProgramIdentity {
  package static let current: String = {
    var info = stat()
    #if os(Linux)
      let executable = "/proc/self/exe"
    #else
      let executable = Bundle.main.executablePath ?? ""
    #endif
    guard stat(executable, &info) == 0 else {
      // Unknown: a value no other run shares, so that nothing is taken as unchanged.
      return UUID().uuidString
    }
    #if os(Linux)
      let modified = info.st_mtim
    #else
      let modified = info.st_mtimespec
    #endif
    return "\(info.st_size) \(modified.tv_sec).\(modified.tv_nsec) \(info.st_ino)"
  }()
}
