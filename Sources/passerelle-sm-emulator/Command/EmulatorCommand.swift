import ArgumentParser
import Foundation
import Hummingbird

/// `passerelle-sm-emulator`: SM's REST API v4 in memory, on loopback, with faults on demand.
@main
struct EmulatorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "passerelle-sm-emulator",
    abstract: "An in-memory stand-in for Sage Sales Management's REST API v4.",
    discussion: "Prints one line, listening on http://HOST:PORT/api/v4, once it accepts calls.")

  @Option(help: "Address to listen on.") var host = "127.0.0.1"
  @Option(help: "Port to listen on; 0 lets the system choose.") var port = 0
  @Option(help: "The API public key login expects.") var publicKey = "emulator-public"
  @Option(help: "The API private key login expects.") var privateKey = "emulator-private"
  @Option(name: .customLong("rate-429"), help: "Share of calls answered 429.") var rate429 = 0.0
  @Option(help: "Seconds in the 429 answers' Retry-After.") var retryAfter = 1
  @Option(name: .customLong("rate-500"), help: "Share of calls answered 500.") var rate500 = 0.0
  @Option(help: "Share of calls whose connection closes unanswered.") var rateDrop = 0.0
  @Option(help: "Calls a token serves before it expires; 0 for never.") var tokenCalls = 0
  @Option(help: "Seed of the faults' and tokens' draws.") var seed: UInt64 = 1
  @Option(help: "The one branch accounts and sales orders belong to.") var branchId = 1
  @Option(help: "A resource whose lists refuse a where filter on dates (repeatable).")
  var undated: [String] = []
  @Flag(help: "Stop once standard input ends, so that the emulator ends with whoever started it.")
  var exitWhenInputEnds = false

  func validate() throws {
    for (name, rate) in [("rate-429", rate429), ("rate-500", rate500), ("rate-drop", rateDrop)]
    where !(0...1).contains(rate) {
      throw ValidationError("--\(name) must be from 0 to 1, not \(rate)")
    }
    guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
    guard retryAfter >= 0, tokenCalls >= 0 else {
      throw ValidationError("--retry-after and --token-calls must be 0 or more")
    }
  }

  func run() async throws {
    if exitWhenInputEnds { InputWatch.exitWhenInputEnds() }
    let emulator = Emulator(emulatorConfiguration)
    let host = host
    var application = Application(
      responder: EmulatorResponder(emulator: emulator),
      configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
      onServerRunning: { channel in
        print("listening on http://\(host):\(channel.localAddress?.port ?? 0)/api/v4")
        fflush(nil)  // a pipe buffers stdout: the tests wait for this line
      })
    // Only problems on stderr: the tests read stdout, people read stderr.
    application.logger.logLevel = .warning
    try await application.runService()
  }

  private var emulatorConfiguration: EmulatorConfiguration {
    EmulatorConfiguration(
      publicKey: publicKey, privateKey: privateKey, branchId: branchId,
      faults: FaultSettings(
        rate429: rate429, rate500: rate500, rateDrop: rateDrop, retryAfter: retryAfter,
        tokenCalls: tokenCalls),
      seed: seed, undated: Set(undated.compactMap(Resource.init(pathSegment:))))
  }
}
