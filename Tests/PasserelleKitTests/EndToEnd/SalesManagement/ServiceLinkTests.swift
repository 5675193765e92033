import Foundation
import Testing

/// `passerelle run` (the service) connected to the emulator: quotes typed in SM
/// reach Sage's import folder within `poll_seconds` + 2 s.
@Suite(.serialized) struct ServiceLinkTests {
  @Test func quotesReachSageWithinThePollIntervalPlusTwoSeconds() async throws {
    let emulator = try EmulatorProcess()
    let root = try ConnectedRoot(emulator, pollSeconds: 1)
    try root.dropSamples()
    try await root.run("run", "--once")
    var session = EmulatorSession(emulator)
    try await session.login()
    let account = try #require(try await session.record("accounts", extId: "C00005")?["id"] as? Int)
    let product = try #require(
      try await session.record("products", extId: "ART0007")?["id"] as? Int)
    let service = PasserelleProcess(["run", "--root", root.path])
    try service.start()
    defer {
      service.kill(SIGTERM)
      _ = service.finish()
    }
    try await Task.sleep(for: .seconds(1.5))  // started, and its first pull done
    var latencies: [Double] = []
    for index in 1...20 {
      let reference = "SM-Q-LAT\(index)"
      let created = Date()
      let quote = try #require(
        try await session.insert(
          "salesorders",
          [["reference": reference, "accountId": account, "salesRepId": 1, "branchId": 1]]
        ).first)
      _ = try await session.insert(
        "salesOrdersLines",
        [["salesOrderId": quote, "productId": product, "quantity": 2, "price": 0, "order": 1]])
      try await waitForSageImport(holding: reference, in: root, timeout: 10)
      latencies.append(Date().timeIntervalSince(created))
    }
    let p95 = latencies.sorted()[Int((Double(latencies.count) * 0.95).rounded(.up)) - 1]
    print("quote latency p95 \(String(format: "%.2f", p95)) s over \(latencies.count) quotes")
    #expect(p95 <= 1 + 2)
  }

  /// Lines are written with the quote's header in one file: waiting for the quote's
  /// reference in `out/sage/` is waiting for the whole quote.
  private func waitForSageImport(holding reference: String, in root: ConnectedRoot, timeout: Double)
    async throws
  {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      for name in root.root.scratch.files(in: "out/sage") where name.hasSuffix("-devis.txt") {
        let data = try Data(
          contentsOf: URL(fileURLWithPath: root.root.scratch.file("out/sage/\(name)")))
        if String(decoding: data, as: UTF8.self).contains(reference) { return }
      }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw TestError("\(reference) never reached out/sage/")
  }
}
