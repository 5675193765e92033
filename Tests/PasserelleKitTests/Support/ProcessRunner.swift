import Foundation

/// Runs the real `passerelle` executable as a subprocess.
struct PasserelleProcess {
  let process = Process()
  private let errorPipe = Pipe()
  private let outputPipe = Pipe()

  init(_ arguments: [String]) {
    process.executableURL = URL(fileURLWithPath: TestFiles.executable)
    process.arguments = arguments
    process.standardError = errorPipe
    process.standardOutput = outputPipe
  }

  func start() throws { try process.run() }

  func kill(_ signal: Int32) { Foundation.kill(process.processIdentifier, signal) }

  /// Waits for the end; returns exit status, stdout and stderr.
  func finish() -> (status: Int32, output: String, error: String) {
    let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
    let error = errorPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: output, as: UTF8.self),
      String(decoding: error, as: UTF8.self)
    )
  }

  static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
    let process = PasserelleProcess(arguments)
    try process.start()
    return process.finish()
  }
}
