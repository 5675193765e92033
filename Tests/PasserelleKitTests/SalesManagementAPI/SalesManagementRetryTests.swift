import Foundation
import Testing

@testable import SalesManagementAPI

/// The client against a failing emulator: 429, 500, dropped connections, nothing
/// listening; and its throttle.
@Suite struct SalesManagementRetryTests {
  private typealias SM = EmulatedSalesManagement

  private static func options(
    maxAttempts: Int = 8, maxBackoff: Duration = .milliseconds(50), requestsPerMinute: Int = 60_000
  ) -> SalesManagementClientOptions {
    SalesManagementClientOptions(
      requestsPerMinute: requestsPerMinute, requestsInFlight: 4, maxAttempts: maxAttempts,
      initialBackoff: .milliseconds(10), maxBackoff: maxBackoff, requestTimeout: .seconds(10))
  }

  @Test func retryAfterIsWaitedBeforeTheNextTry() async throws {
    let options = Self.options(maxAttempts: 2, maxBackoff: .seconds(5))
    try await SM.run(["--rate-429", "1", "--retry-after", "1"], options: options) { sm in
      let clock = ContinuousClock()
      let started = clock.now
      let error = await #expect(throws: SalesManagementError.self) {
        _ = try await sm.client.list("products", where: nil, page: 0)
      }
      #expect(clock.now - started >= .seconds(1))
      #expect(error == .unreachable("HTTP 429 on GET /products, still after 2 tries"))
      #expect(sm.client.health.lastError == "HTTP 429 on GET /products")
      #expect(sm.client.health.retries == 1)
    }
  }

  @Test func callsAnswered429HalfTheTimeAllSucceedInTheEnd() async throws {
    try await SM.run(["--rate-429", "0.5", "--retry-after", "0", "--seed", "11"]) { sm in
      for number in 1...20 {
        _ = try await sm.client.create("products", data: ["model": "P\(number)"])
      }
      #expect(try await sm.count("products") == 20)
      #expect(sm.client.health.retries > 5)
      #expect(try await sm.calls().filter { $0["status"] as? Int == 429 }.count > 5)
    }
  }

  @Test func serverErrorsAreRetriedAndNeverBlameTheRecord() async throws {
    try await SM.run(["--rate-500", "0.4", "--seed", "5"]) { sm in
      let items = (1...30).map {
        SalesManagementBulkItem(guid: "g\($0)", data: ["model": "P\($0)"])
      }
      for start in stride(from: 0, to: 30, by: 10) {
        let answers = try await sm.client.bulkCreate("products", Array(items[start..<start + 10]))
        #expect(answers.map(\.succeeded) == Array(repeating: true, count: 10))
      }
      for _ in 1...10 { _ = try await sm.client.list("products", where: nil, page: 0) }
      #expect(try await sm.count("products") == 30)
      #expect(sm.client.health.retries > 0)
      #expect(sm.client.health.lastError?.hasPrefix("HTTP 500 on ") == true)
    }
  }

  @Test func droppedConnectionsAreRetried() async throws {
    try await SM.run(["--rate-drop", "0.3", "--seed", "3"]) { sm in
      try await sm.insert("products", [["model": "A"]])
      for _ in 1...20 {
        #expect(try await sm.client.list("products", where: nil, page: 0).records.count == 1)
      }
      #expect(sm.client.health.retries > 0)
      #expect(try await sm.calls().contains { $0["dropped"] as? Bool == true })
    }
  }

  @Test func aCreateWhoseConnectionClosedIsNotSentAgain() async throws {
    try await SM.run(["--rate-drop", "1"]) { sm in
      let error = await #expect(throws: SalesManagementError.self) {
        _ = try await sm.client.create("products", data: ["model": "P", "extId": "P1"])
      }
      #expect(
        error
          == .outcomeUnknown(
            "connection closed without an answer on POST /products: SM may have applied it"))
      let bulkError = await #expect(throws: SalesManagementError.self) {
        _ = try await sm.client.bulkCreate(
          "products", [SalesManagementBulkItem(guid: "g", data: ["model": "P"])])
      }
      #expect(bulkError?.caseName == "outcomeUnknown")
      let calls = try await sm.calls()
      #expect(calls.count == 3)  // the login and each create once
      #expect(sm.client.health.retries == 0)
    }
  }

  @Test func anUpdateWhoseConnectionClosedIsSentAgain() async throws {
    try await SM.run(["--rate-drop", "0.5", "--seed", "2"]) { sm in
      try await sm.insert("products", [["model": "A"]])
      for number in 1...10 {
        try await sm.client.update("products", id: 1, data: ["stock": .number(Double(number))])
      }
      #expect(try await sm.client.get("products", id: 1)?["stock"]?.int == 10)
      #expect(sm.client.health.retries > 0)
    }
  }

  @Test func aServerThatKeepsFailingIsUnreachableAfterMaxAttempts() async throws {
    try await SM.run(["--rate-500", "1"], options: Self.options(maxAttempts: 3)) { sm in
      let error = await #expect(throws: SalesManagementError.self) {
        _ = try await sm.client.get("accounts", id: 1)
      }
      #expect(error == .unreachable("HTTP 500 on GET /accounts/1, still after 3 tries"))
      #expect(error?.isTransient == true)
      let calls = try await sm.calls()
      #expect(calls.count == 4)  // the login, then three tries
      let health = sm.client.health
      #expect(health.calls == 4 && health.retries == 2)
      #expect(health.lastError == "HTTP 500 on GET /accounts/1")
      #expect(health.lastErrorAt != nil)
    }
  }

  @Test func nothingListeningIsUnreachable() async throws {
    let port = try ClosedPort()
    let client = try SalesManagementClient(
      baseURL: "http://127.0.0.1:\(port.number)/api/v4", credentials: SM.credentials,
      options: Self.options(maxAttempts: 3),
      logger: LogCapture().logger)
    let error = await #expect(throws: SalesManagementError.self) {
      _ = try await client.list("accounts", where: nil, page: 0)
    }
    await client.shutdown()
    #expect(error?.caseName == "unreachable")
    #expect(
      error?.description.hasSuffix("on POST /login, still after 3 tries") == true,
      "\(String(describing: error))")
    #expect(client.health.calls == 3)
    #expect(client.health.lastError?.hasPrefix("connection failed: ") == true)
    withExtendedLifetime(port) {}
  }

  @Test func callsAreSpacedToTheRateAskedEvenWhenConcurrent() async throws {
    try await SM.run(options: Self.options(requestsPerMinute: 600)) { sm in
      let clock = ContinuousClock()
      let started = clock.now
      let client = sm.client
      try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<30 {
          group.addTask { _ = try await client.list("products", where: nil, page: 0) }
        }
        try await group.waitForAll()
      }
      // 31 starts (the login counts) a tenth of a second apart: 3 s at least.
      #expect(clock.now - started >= .milliseconds(2_900))
      #expect(sm.client.health.calls == 31)
    }
  }
}
