import Foundation
import Logging

/// Keeps every line a `Logger` writes, with its metadata, for tests that check logs.
final class LogCapture: @unchecked Sendable {
  // Guards `lines`: the client logs from many tasks.
  private let lock = NSLock()
  private var lines: [String] = []

  /// A debug-level logger writing here.
  var logger: Logger {
    var logger = Logger(label: "sales-management-test") { _ in Handler(capture: self) }
    logger.logLevel = .debug
    return logger
  }

  /// Everything logged so far, one line per entry: message then `key=value` metadata.
  var text: String { lock.withLock { lines.joined(separator: "\n") } }

  fileprivate func append(_ line: String) { lock.withLock { lines.append(line) } }

  private struct Handler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
      let merged = metadata.merging(event.metadata ?? [:]) { $1 }
      let pairs = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      capture.append(([event.message.description] + pairs).joined(separator: " "))
    }
  }
}
