import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Login, session keys and the process's life.
@Suite struct EmulatorLoginTests {
  @Test func loginWithTheKeysGivesATokenThatOpensTheAPI() async throws {
    let emulator = try EmulatorProcess()
    var session = EmulatorSession(emulator)
    try await session.login()
    #expect(session.token?.isEmpty == false)
    let list = try await session.call("GET", "accounts")
    #expect(list.status == 200)
    #expect(list.objects.isEmpty)
  }

  @Test func wrongKeysAreRefusedWith401AndAMessage() async throws {
    let emulator = try EmulatorProcess(["--public-key", "pk", "--private-key", "sk"])
    let session = EmulatorSession(emulator)
    let wrong = try await session.call(
      "POST", "login", body: ["username": "pk", "password": "wrong"])
    #expect(wrong.status == 401)
    #expect(wrong.message?.isEmpty == false)
    let right = try await session.call("POST", "login", body: ["username": "pk", "password": "sk"])
    #expect(right.status == 200)
    #expect(right.object["token"] is String)
  }

  @Test func aCallWithoutOrWithAnUnknownTokenIs401() async throws {
    let emulator = try EmulatorProcess()
    let session = EmulatorSession(emulator)
    let missing = try await session.call("GET", "accounts")
    #expect(missing.status == 401)
    #expect(missing.message?.contains("X-Session-Key") == true)
    let unknown = try await session.call(
      "GET", "accounts", headers: ["X-Session-Key": "not-a-token"])
    #expect(unknown.status == 401)
  }

  @Test func aTokenExpiresAfterTokenCallsCalls() async throws {
    let emulator = try EmulatorProcess(["--token-calls", "3"])
    var session = EmulatorSession(emulator)
    try await session.login()
    for _ in 0..<3 {
      #expect(try await session.call("GET", "accounts").status == 200)
    }
    #expect(try await session.call("GET", "accounts").status == 401)
    try await session.login()
    #expect(try await session.call("GET", "accounts").status == 200)
  }

  @Test func sigtermAndSigintStopItCleanly() throws {
    for signal in [SIGTERM, SIGINT] {
      let emulator = try EmulatorProcess()
      emulator.send(signal)
      #expect(waitUntil(timeout: 10) { !emulator.isRunning })
      #expect(emulator.stop() == 0)
    }
  }

  /// The second emulator starts after the first: it must not hold the first one's stdin
  /// open, or emulators started by one test process would keep one another running.
  @Test func itStopsWhenItsInputEnds() throws {
    let first = try EmulatorProcess()
    let second = try EmulatorProcess()
    try first.closeInput()
    #expect(waitUntil(timeout: 10) { !first.isRunning })
    #expect(first.stop() == 0)
    #expect(second.isRunning)
    try second.closeInput()
    #expect(waitUntil(timeout: 10) { !second.isRunning })
  }

  @Test func aPathOutsideTheAPIIs404() async throws {
    let emulator = try EmulatorProcess()
    let session = EmulatorSession(emulator)
    let url = emulator.baseURL.deletingLastPathComponent().appendingPathComponent("v3/accounts")
    let (_, response) = try await URLSession.shared.data(from: url)
    #expect((response as? HTTPURLResponse)?.statusCode == 404)
    #expect(try await session.admin("GET", "nothing").status == 404)
  }
}
