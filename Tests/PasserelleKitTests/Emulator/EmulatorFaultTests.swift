import Foundation
import Testing

/// Faults: 429 with Retry-After, 500, dropped connections, decided by a seeded generator.
@Suite struct EmulatorFaultTests {
  private func session(_ arguments: [String]) async throws -> EmulatorSession {
    var session = EmulatorSession(try EmulatorProcess(arguments))
    try await session.login()
    return session
  }

  @Test func atRate1EveryCallIs429WithRetryAfterAndChangesNothing() async throws {
    let session = try await session(["--rate-429", "1", "--retry-after", "7"])
    for _ in 0..<3 {
      let answer = try await session.call("POST", "products", body: ["model": "Pain"])
      #expect(answer.status == 429)
      #expect(answer.header("Retry-After") == "7")
    }
    #expect(try await session.state(of: "products")["count"] as? Int == 0)
    #expect(try await session.admin("GET", "state").status == 200)
  }

  @Test func faultsChangeWhileItRuns() async throws {
    let session = try await session([])
    #expect(try await session.call("GET", "products").status == 200)
    let settings = try await session.admin("POST", "faults", body: ["rate500": 1])
    #expect(settings.object["rate500"] as? Double == 1)
    #expect(try await session.call("GET", "products").status == 500)
    _ = try await session.admin(
      "POST", "faults", body: ["rate500": 0, "rate429": 1, "retryAfter": 3])
    #expect(try await session.call("GET", "products").header("Retry-After") == "3")
    #expect(try await session.admin("POST", "faults", body: ["rate429": 2]).status == 400)
  }

  @Test func aDroppedCallGetsNoAnswerAndHalfTheDroppedWritesApply() async throws {
    let session = try await session(["--rate-drop", "1", "--seed", "7"])
    for number in 1...40 {
      // A new URLSession per call: on Linux, URLSession stalls until its timeout when a
      // POST's reused keep-alive connection closes unanswered (it cannot resend the body).
      var fresh = EmulatorSession(session.emulator)
      fresh.token = session.token
      await #expect(throws: (any Error).self) {
        try await fresh.call("POST", "products", body: ["model": "P", "extId": "P\(number)"])
      }
    }
    let calls = try await session.admin("GET", "calls").objects.filter { $0["login"] == nil }
    let applied = calls.filter { $0["applied"] as? Bool == true }.count
    #expect(calls.count == 40)
    #expect(calls.allSatisfy { $0["dropped"] as? Bool == true && $0["status"] as? Int == 0 })
    #expect((8...32).contains(applied))
    #expect(try await session.state(of: "products")["count"] as? Int == applied)
  }

  @Test func theSameSeedGivesTheSameFaults() async throws {
    var runs: [[Int]] = []
    for _ in 0..<2 {
      let session = try await session(["--rate-429", "0.3", "--rate-500", "0.3", "--seed", "42"])
      var statuses: [Int] = []
      for _ in 0..<30 { statuses.append(try await session.call("GET", "products").status) }
      runs.append(statuses)
    }
    #expect(runs[0] == runs[1])
    #expect(Set(runs[0]) == [200, 429, 500])
  }
}
