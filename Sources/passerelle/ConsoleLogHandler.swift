import Foundation
import Logging

/// What the two stderr handlers share: a level and metadata set on the logger.
protocol StderrLogHandler: LogHandler {
  var metadata: Logger.Metadata { get set }
}

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

/// Log lines for machines on stderr: one JSON object per line with the time, the
/// level, the message and every metadata field (batch, file, entity, counts…).
struct JSONLogHandler: StderrLogHandler {
  var logLevel: Logger.Level
  var metadata: Logger.Metadata = [:]

  func log(event: LogEvent) {
    var object: [String: Any] = [
      "time": logTimestamp(), "level": event.level.rawValue, "message": "\(event.message)",
    ]
    for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 })
    where object[key] == nil {
      object[key] = Self.json(value)
    }
    guard
      let line = try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return }
    FileHandle.standardError.write(line + Data("\n".utf8))
  }

  private static func json(_ value: Logger.MetadataValue) -> Any {
    switch value {
    case .string(let text): return text
    case .stringConvertible(let convertible): return convertible.description
    case .array(let values): return values.map(json)
    case .dictionary(let values): return values.mapValues(json)
    }
  }
}

/// Now, as ISO-8601 UTC to the second, as the payloads write times.
func logTimestamp() -> String {
  let formatter = ISO8601DateFormatter()
  formatter.formatOptions = [.withInternetDateTime]
  return formatter.string(from: Date())
}
