import Foundation
import Testing

@testable import PasserelleManifest

/// A root connected to a running emulator: `passerelle.toml` names its API, the
/// credentials file holds its keys (owner-only), and `passerelle` runs as a
/// subprocess on it.
final class ConnectedRoot {
  let root: TestRoot
  let emulator: EmulatorProcess
  var path: String { root.scratch.path }
  let pollSeconds: Double
  let requestsPerMinute: Int

  init(
    _ emulator: EmulatorProcess, name: String = #function, pollSeconds: Double = 30,
    requestsPerMinute: Int = 6000
  ) throws {
    self.emulator = emulator
    self.pollSeconds = pollSeconds
    self.requestsPerMinute = requestsPerMinute
    root = try TestRoot(name)
    try writeSettings(branchId: 1)
    let credentials = "\(path)/sm-credentials.toml"
    try TestFiles.write(
      "public_key = \"\(EmulatorProcess.publicKey)\"\nprivate_key = \"\(EmulatorProcess.privateKey)\"\n",
      to: credentials)
    chmod(credentials, 0o600)
  }

  /// Writes `passerelle.toml`, with `branchId` as the SM branch of new accounts.
  func writeSettings(branchId: Int) throws {
    try TestFiles.write(
      """
      [sync]
      stability_seconds = 0.2
      salesmanagement_stability_seconds = 0.1
      salesmanagement_poll_seconds = 0.2

      [salesmanagement]
      branch_id = \(branchId)
      admin_user_id = 1

      [salesmanagement.api]
      url = "\(emulator.baseURL.absoluteString)"
      credentials_file = "sm-credentials.toml"
      poll_seconds = \(pollSeconds)
      requests_per_minute = \(requestsPerMinute)
      requests_in_flight = 4
      """, to: root.layout.configuration)
  }

  /// Drops the shipped samples Sage exports (the priced quotes aside) and the pictures.
  func dropSamples(except excluded: Set<String> = [SageSamples.quotes]) throws {
    try SageSamples.dropPictures(into: root)
    for sample in SageSamples.all where !excluded.contains(sample) {
      try root.drop(sample: TestFiles.sample(sample))
    }
  }

  /// Delivers the samples (Sage's quotes excepted) with `run --once`; answers a
  /// session logged in to the emulator, to type what SM's users would.
  func deliverSamples() async throws -> EmulatorSession {
    try dropSamples()
    try await run("run", "--once")
    var session = EmulatorSession(emulator)
    try await session.login()
    return session
  }

  /// Runs `passerelle <arguments> --root <root>` and waits for its end on a thread
  /// of its own: a test waiting for a process never holds one of the few threads
  /// every asynchronous test shares.
  @discardableResult
  func run(_ arguments: String...) async throws -> (status: Int32, output: String, error: String) {
    try await run(arguments)
  }

  @discardableResult
  func run(_ arguments: [String]) async throws -> (status: Int32, output: String, error: String) {
    let full = arguments + ["--root", path]
    return try await OwnThread.run { try PasserelleProcess.run(full) }
  }

  /// `status --json`'s delivery queues by resource.
  func queues() throws -> [String: DeliveryStatus.Queue] {
    let status = try StatusReport.load(from: root.layout.manifest)
    return Dictionary(
      uniqueKeysWithValues: (status.delivery?.queues ?? []).map { ($0.resource, $0) })
  }
}
