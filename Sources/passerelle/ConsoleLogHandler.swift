import Foundation
import Logging
import PasserelleCore

extension StderrLogHandler {
  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }
}

/// Log lines for people on stderr: time, level, message. Metadata stays out of
/// the line (it repeats what the message says) unless the level is debug or lower.
struct ConsoleLogHandler: StderrLogHandler {
  var logLevel: Logger.Level
  var metadata: Logger.Metadata = [:]

  func log(event: LogEvent) {
    var line = "\(logTimestamp()) \(event.level.rawValue.uppercased()) "
    // Several dossiers in one process: each line says whose it is.
    if let dossier = metadata["dossier"] { line += "[\(dossier)] " }
    line += "\(event.message)"
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
}

/// Now, as ISO-8601 UTC to the second, as the payloads write times.
func logTimestamp() -> String {
  Timestamp.iso(Date())
}
