import Foundation
import Testing

/// `passerelle run` (the service) connected to the emulator: quotes typed in SM
/// reach Sage's import folder within `poll_seconds` + 2 s.
@Suite(.serialized) struct ServiceLinkTests {
  @Test func quotesReachSageWithinThePollIntervalPlusTwoSeconds() async throws {
    let emulator = try EmulatorProcess()
    let root = try ConnectedRoot(emulator, pollSeconds: 1)
    let session = try await root.deliverSamples()
    let account = try await session.id(of: "accounts", extId: "C00005")
    let product = try await session.id(of: "products", extId: "ART0007")
    let service = PasserelleProcess(["run", "--root", root.path])
    try service.start()
    defer {
      service.kill(SIGTERM)
      _ = service.finish()
    }
    let admin = emulator.adminURL
    let sage = root.root.scratch.path + "/out/sage"
    let latencies = try await OwnThread.run {
      Thread.sleep(forTimeInterval: 1.5)  // started, and its first pull done
      var latencies: [Double] = []
      for index in 1...20 {
        let reference = "SM-Q-LAT\(index)"
        let created = Date()
        let answer = try OwnThread.json(
          "POST", admin.appendingPathComponent("records/salesorders"),
          body: [["reference": reference, "accountId": account, "salesRepId": 1, "branchId": 1]])
        let quote = try #require(((answer as? [String: Any])?["ids"] as? [Int])?.first)
        _ = try OwnThread.json(
          "POST", admin.appendingPathComponent("records/salesOrdersLines"),
          body: [
            ["salesOrderId": quote, "productId": product, "quantity": 2, "price": 0, "order": 1]
          ])
        try Self.waitForSageImport(holding: reference, in: sage, timeout: 10)
        latencies.append(Date().timeIntervalSince(created))
      }
      return latencies
    }
    let p95 = latencies.sorted()[Int((Double(latencies.count) * 0.95).rounded(.up)) - 1]
    print("quote latency p95 \(String(format: "%.2f", p95)) s over \(latencies.count) quotes")
    #expect(p95 <= 1 + 2)
  }

  /// Lines are written with the quote's header in one file: waiting for the quote's
  /// reference in `out/sage/` is waiting for the whole quote.
  private static func waitForSageImport(
    holding reference: String, in folder: String, timeout: Double
  )
    throws
  {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      for name in names where name.hasSuffix("-devis.txt") && !name.hasPrefix(".") {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
        if String(decoding: data, as: UTF8.self).contains(reference) { return }
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw TestError("\(reference) never reached out/sage/")
  }
}
