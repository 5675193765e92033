import Foundation
import Testing

/// Delivery under the faults SM and the machine inflict: throttling, server errors,
/// expiring tokens, SM out of reach, and Passerelle killed at random moments.
@Suite(.serialized) struct DeliveryFaultTests {
  /// 10 % of calls answered 429, 5 % answered 500, tokens expiring every 40 calls,
  /// and 10 SIGKILLs during delivery: SM ends with every record exactly once.
  @Test func everyRecordExactlyOnceThroughFaultsAndKills() async throws {
    let emulator = try EmulatorProcess([
      "--rate-429", "0.1", "--rate-500", "0.05", "--token-calls", "40", "--retry-after", "1",
    ])
    // Our own throttle makes the delivery last long enough for ten kills to land in it:
    // at SM's own 120 calls a minute, ten rounds of at most 1.5 s send at most 30 of
    // the 40-odd bulk calls, whatever the seed (at 1,200 a minute, a seed drawing long
    // rounds let the delivery end after nine kills).
    let root = try ConnectedRoot(emulator, requestsPerMinute: 120)
    let customers = 5_000
    let export = root.root.scratch.file("clients.txt")
    try CustomerExportBuilder().write(CustomerExportBuilder().build(count: customers), to: export)
    // Converted whole first (`convert` does not deliver): the kills fall in the delivery.
    #expect(try await root.run("convert", export).status == 0)
    let seed = TestSeed.draw(for: #function)
    let rootPath = root.path
    let killed = try await OwnThread.run {
      var random = SeededGenerator(seed: seed)
      var killed = 0
      var rounds = 0
      while killed < 10 && rounds < 40 {
        let process = PasserelleProcess(["push", "--root", rootPath])
        try process.start()
        Thread.sleep(forTimeInterval: Double.random(in: 0.3...1.5, using: &random))
        if process.process.isRunning { killed += 1 }
        process.kill(SIGKILL)
        _ = process.finish()
        rounds += 1
      }
      return killed
    }
    var last = try await root.run("push")
    for _ in 0..<3 where last.status != 0 { last = try await root.run("push") }
    #expect(last.status == 0, "seed \(seed): \(last.error)")
    #expect(killed == 10, "seed \(seed): kills landed during delivery")
    var session = EmulatorSession(emulator)
    try await session.login()
    let accounts = try await session.creates("accounts")
    #expect(accounts.count == customers, "seed \(seed)")
    #expect(accounts.values.allSatisfy { $0 == 1 }, "seed \(seed): no account created twice")
    let contacts = try await session.creates("contacts")
    #expect(!contacts.isEmpty && contacts.values.allSatisfy { $0 == 1 }, "seed \(seed)")
    let queues = try root.queues()
    #expect(queues["accounts"]?.delivered == customers)
    #expect(queues["contacts"]?.delivered == contacts.count)
    #expect(queues.values.allSatisfy { $0.waiting == 0 && $0.held == 0 && $0.refused == 0 })
  }

  /// SM out of reach: conversion goes on, `push` exits 3, `status` says since when,
  /// and nothing is lost: once SM is back, everything is delivered.
  @Test func smOutOfReachDelaysOnlyDelivery() async throws {
    let stopped = try EmulatorProcess()
    let root = try ConnectedRoot(stopped)
    stopped.stop()
    try root.root.drop(sample: TestFiles.sample(SageSamples.articles))
    let run = try await root.run("run", "--once")
    #expect(run.status == 1)  // the articles sample holds bad rows on purpose
    #expect(root.root.scratch.files(in: "out/salesmanagement").count == 1)
    #expect(try await root.run("push").status == 3)
    let status = try await root.run("status")
    #expect(status.error.contains("en échec depuis"))
    let waiting = try #require(try root.queues()["products"]?.waiting)
    #expect(waiting > 20)
    let port = try #require(stopped.baseURL.port)
    let back = try EmulatorProcess(["--port", "\(port)"])
    #expect(try await root.run("push").status == 0)
    var session = EmulatorSession(back)
    try await session.login()
    #expect(try await session.creates("products").count == waiting)
  }
}
