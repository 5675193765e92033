import Foundation
import Testing

/// Golden files under Tests/PasserelleKitTests/Golden. Set PASSERELLE_UPDATE_GOLDEN=1 to rewrite
/// them; where `CI` is set they are never rewritten: the check fails instead.
enum Golden {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Golden")

  static func normalise(_ payload: String, batch: String) -> String {
    payload.replacingOccurrences(of: batch, with: "<batch>")
      .replacingOccurrences(
        of: #""createdAt": "[^"]*""#, with: #""createdAt": "<time>""#, options: .regularExpression)
  }

  /// What a run does with a golden file.
  enum Mode: Equatable {
    case compare
    case rewrite
    /// Asked to rewrite where `CI` is set: the check fails with this message.
    case refused(String)
  }

  static func mode(_ name: String, environment: [String: String]) -> Mode {
    guard environment["PASSERELLE_UPDATE_GOLDEN"] == "1" else { return .compare }
    guard environment["CI"] == nil else {
      return .refused(
        "PASSERELLE_UPDATE_GOLDEN=1 while CI is set: Golden/\(name) is not rewritten "
          + "(golden files are rewritten on a developer's machine, never by CI)")
    }
    return .rewrite
  }

  /// Whether this run rewrites the golden file instead of comparing with it; a
  /// refusal is recorded as a failure naming the file.
  static func rewrites(_ name: String) -> Bool {
    switch mode(name, environment: ProcessInfo.processInfo.environment) {
    case .compare: return false
    case .rewrite: return true
    case .refused(let message):
      Issue.record("\(message)")
      return false
    }
  }

  static func check(_ actual: String, named name: String) throws {
    let url = folder.appendingPathComponent(name)
    if rewrites(name) {
      try Data(actual.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "differs from Golden/\(name)")
  }

  /// Files that are not UTF-8 (Sage import files), compared byte for byte.
  static func checkBytes(_ actual: [UInt8], named name: String) throws {
    let url = folder.appendingPathComponent(name)
    if rewrites(name) {
      try Data(actual).write(to: url)
      return
    }
    let expected = Array(try Data(contentsOf: url))
    #expect(actual == expected, "differs from Golden/\(name)")
  }
}

@Suite struct GoldenTests {
  @Test func rewritingIsRefusedWhereCIIsSet() {
    let refused = Golden.mode(
      "x.json", environment: ["PASSERELLE_UPDATE_GOLDEN": "1", "CI": "true"])
    guard case .refused(let message) = refused else {
      Issue.record("expected a refusal, got \(refused)")
      return
    }
    #expect(message.contains("Golden/x.json"))
    #expect(Golden.mode("x.json", environment: ["PASSERELLE_UPDATE_GOLDEN": "1"]) == .rewrite)
    #expect(Golden.mode("x.json", environment: ["CI": "true"]) == .compare)
    #expect(Golden.mode("x.json", environment: [:]) == .compare)
  }
}
