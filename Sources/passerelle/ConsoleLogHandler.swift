import Foundation
import Logging

/// Log lines for people on stderr: time, level, message. Metadata stays out of
/// the line (it repeats what the message says) unless the level is debug or lower.
struct ConsoleLogHandler: LogHandler {
  var logLevel: Logger.Level
  var metadata: Logger.Metadata = [:]

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    var line = "\(Self.timestamp()) \(event.level.rawValue.uppercased()) \(event.message)"
    if logLevel <= .debug {
      let merged = metadata.merging(event.metadata ?? [:]) { $1 }
      if !merged.isEmpty {
        line +=
          " "
          + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
          .joined(separator: " ")
      }
    }
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  private static func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date())
  }
}
