import Foundation

/// The real `passerelle-sm-emulator` executable, started for a test on a port the system
/// chooses, and stopped (SIGTERM) by `stop()` or when the value goes away. Its stdin is
/// a pipe only the test process writes to, and it stops when that pipe ends: a test
/// process that crashes takes its emulators with it.
final class EmulatorProcess {
  /// The keys the emulator expects unless told otherwise.
  static let publicKey = "emulator-public"
  static let privateKey = "emulator-private"

  /// The built emulator, next to the `passerelle` executable.
  static var executable: String {
    URL(fileURLWithPath: TestFiles.executable).deletingLastPathComponent()
      .appendingPathComponent("passerelle-sm-emulator").path
  }

  /// The API's base URL, `http://127.0.0.1:PORT/api/v4`.
  let baseURL: URL
  /// The admin endpoints' base URL, `http://127.0.0.1:PORT/_emulator`.
  let adminURL: URL
  private let process = Process()
  private let input = Pipe()

  /// Starts the emulator with `arguments` (such as `["--rate-429", "0.5"]`) and waits,
  /// at most `timeout` seconds, for its `listening on` line.
  init(_ arguments: [String] = [], timeout: TimeInterval = 30) throws {
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: Self.executable)
    process.arguments = ["--port", "0", "--exit-when-input-ends"] + arguments
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    guard let line = Self.firstLine(of: output.fileHandleForReading, timeout: timeout),
      line.hasPrefix("listening on "), let url = URL(string: String(line.dropFirst(13)))
    else {
      process.terminate()
      process.waitUntilExit()
      throw TestError(
        "the emulator did not say where it listens (status \(process.terminationStatus))")
    }
    baseURL = url
    adminURL = url.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("_emulator")
  }

  deinit { stop() }

  /// Whether the emulator still runs.
  var isRunning: Bool { process.isRunning }

  /// Stops the emulator (SIGTERM) and waits for its end; answers its exit status.
  @discardableResult
  func stop() -> Int32 {
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// Ends the emulator's stdin, as the end of the test process would.
  func closeInput() throws { try input.fileHandleForWriting.close() }

  /// Sends `signal` without waiting.
  func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

  /// Reads up to the first newline on a thread of its own, so that a silent emulator
  /// fails the test after `timeout` instead of hanging it.
  private static func firstLine(of handle: FileHandle, timeout: TimeInterval) -> String? {
    let box = LineBox()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      var bytes = Data()
      while !bytes.contains(0x0A) {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        bytes.append(chunk)
      }
      box.line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first.map(
        String.init)
      done.signal()
    }
    guard done.wait(timeout: .now() + timeout) == .success else { return nil }
    return box.line
  }
}

/// The line the reading thread found, handed over once the semaphore is signalled.
private final class LineBox: @unchecked Sendable {
  var line: String?
}
