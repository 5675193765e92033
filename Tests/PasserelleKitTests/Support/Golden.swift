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

  /// Whether this run rewrites the golden files instead of comparing with them;
  /// refused, as a failure naming the file, when `CI` is set.
  static func rewrites(
    _ name: String, environment: [String: String] = ProcessInfo.processInfo.environment
  )
    -> Bool
  {
    guard environment["PASSERELLE_UPDATE_GOLDEN"] == "1" else { return false }
    if environment["CI"] != nil {
      let refusal =
        "PASSERELLE_UPDATE_GOLDEN=1 while CI is set: Golden/\(name) is not rewritten "
        + "(golden files are rewritten on a developer's machine, never by CI)"
      Issue.record("\(refusal)")
      return false
    }
    return true
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
    var rewrites = true
    withKnownIssue("the refusal is recorded as a failure") {
      rewrites = Golden.rewrites(
        "x.json", environment: ["PASSERELLE_UPDATE_GOLDEN": "1", "CI": "true"])
    }
    #expect(!rewrites)
    #expect(Golden.rewrites("x.json", environment: ["PASSERELLE_UPDATE_GOLDEN": "1"]))
    #expect(!Golden.rewrites("x.json", environment: ["CI": "true"]))
    #expect(!Golden.rewrites("x.json", environment: [:]))
  }
}
