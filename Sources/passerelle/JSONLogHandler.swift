import Foundation
import Logging

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
