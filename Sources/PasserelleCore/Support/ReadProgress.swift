import Foundation

/// Bytes read from the one file a batch works on, counted where input is read
/// (`InputFile`), for the progress line.
package final class ReadProgress: @unchecked Sendable {
  static let shared = ReadProgress()
  private let lock = NSLock()
  private var watched: String? = nil
  private var bytes = 0

  func watch(_ path: String?) {
    lock.lock()
    watched = path
    bytes = 0
    lock.unlock()
  }

  func add(_ count: Int, from path: String) {
    lock.lock()
    if path == watched { bytes += count }
    lock.unlock()
  }

  var read: Int {
    lock.lock()
    defer { lock.unlock() }
    return bytes
  }
}
