import Foundation

@testable import SalesManagementAPI

/// A real emulator process and a `SalesManagementClient` talking to it, for one test.
struct EmulatedSalesManagement {
  /// Options for tests: no throttling to speak of, short waits between tries.
  static let quickOptions = SalesManagementClientOptions(
    requestsPerMinute: 60_000, requestsInFlight: 4, maxAttempts: 8,
    initialBackoff: .milliseconds(10), maxBackoff: .milliseconds(50),
    requestTimeout: .seconds(10))

  /// The emulator's right keys.
  static let credentials = SalesManagementCredentials(
    publicKey: EmulatorProcess.publicKey, privateKey: EmulatorProcess.privateKey)

  let emulator: EmulatorProcess
  let client: SalesManagementClient
  let logs: LogCapture

  /// Runs `body` with an emulator started with `arguments` and a client of it; the
  /// client is shut down and the emulator stopped afterwards, whatever happens.
  static func run<T>(
    _ arguments: [String] = [], options: SalesManagementClientOptions = quickOptions,
    credentials: SalesManagementCredentials = credentials,
    _ body: (EmulatedSalesManagement) async throws -> T
  ) async throws -> T {
    let emulator = try EmulatorProcess(arguments)
    defer { emulator.stop() }
    let logs = LogCapture()
    let client = try SalesManagementClient(
      baseURL: emulator.baseURL.absoluteString, credentials: credentials, options: options,
      logger: logs.logger)
    let setup = EmulatedSalesManagement(emulator: emulator, client: client, logs: logs)
    do {
      let result = try await body(setup)
      await client.shutdown()
      return result
    } catch {
      await client.shutdown()
      throw error
    }
  }

  private init(emulator: EmulatorProcess, client: SalesManagementClient, logs: LogCapture) {
    self.emulator = emulator
    self.client = client
    self.logs = logs
  }

  /// The calls the emulator saw, as `/_emulator/calls` lists them.
  func calls() async throws -> [[String: Any]] {
    try await EmulatorSession(emulator).admin("GET", "calls").objects
  }

  /// Logins the emulator answered.
  func logins() async throws -> Int {
    try await calls().filter { $0["login"] as? Bool == true }.count
  }

  /// Records of `resource` typed straight into the emulator, as an SM user would.
  func insert(_ resource: String, _ records: [[String: Any]]) async throws {
    let answer = try await EmulatorSession(emulator).admin(
      "POST", "records/\(resource)", body: records)
    guard answer.status == 201 else { throw TestError("inserting answered \(answer.status)") }
  }

  /// How many records of `resource` the emulator holds.
  func count(_ resource: String) async throws -> Int {
    try await EmulatorSession(emulator).state(of: resource)["count"] as? Int ?? -1
  }
}
