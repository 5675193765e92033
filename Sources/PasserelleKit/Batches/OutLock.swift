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

/// One Passerelle per out folder: an exclusive advisory lock on `out/.lock`,
/// released by the kernel if the process dies.
final class OutLock {
  private let descriptor: Int32

  init(path: String) throws {
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw EnvironmentFailure(
        .cannotOpenLock, ["system": .text(systemMessage())], path: path)
    }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      var holder = [UInt8](repeating: 0, count: 32)
      let count = pread(descriptor, &holder, 32, 0)
      let pid = String(decoding: holder.prefix(max(0, count)), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      close(descriptor)
      throw EnvironmentFailure(
        .anotherInstance, ["process": .text(pid.isEmpty ? "?" : pid)], path: path)
    }
    ftruncate(descriptor, 0)
    let pid = Array("\(getpid())\n".utf8)
    _ = pwrite(descriptor, pid, pid.count, 0)
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
