import Foundation
import Testing

/// Golden files under Tests/PasserelleKitTests/Golden. Set PASSERELLE_UPDATE_GOLDEN=1 to rewrite them.
enum Golden {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Golden")

  static func normalise(_ payload: String, batch: String) -> String {
    payload.replacingOccurrences(of: batch, with: "<batch>")
      .replacingOccurrences(
        of: #""createdAt": "[^"]*""#, with: #""createdAt": "<time>""#, options: .regularExpression)
  }

  static func check(_ actual: String, named name: String) throws {
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["PASSERELLE_UPDATE_GOLDEN"] == "1" {
      try Data(actual.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "differs from Golden/\(name)")
  }

  /// Files that are not UTF-8 (Sage import files), compared byte for byte.
  static func checkBytes(_ actual: [UInt8], named name: String) throws {
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["PASSERELLE_UPDATE_GOLDEN"] == "1" {
      try Data(actual).write(to: url)
      return
    }
    let expected = Array(try Data(contentsOf: url))
    #expect(actual == expected, "differs from Golden/\(name)")
  }
}
