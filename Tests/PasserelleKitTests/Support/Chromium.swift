import Foundation

/// Chromium from Debian's packages, run headless on a page: the DOM it built and
/// what it logged. Never skipped: without the browser, a test using it fails and
/// says how to install it.
enum Chromium {
  static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]

  static func executable() throws -> String {
    guard let path = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
      throw TestError(
        "chromium is not installed: run `sudo apt-get install -y chromium` (Debian's package; `bash scripts/test.sh` installs it), then run the tests again"
      )
    }
    return path
  }

  /// Loads `page` and returns the DOM as Chromium serialises it, and its log
  /// (console messages appear there as `:CONSOLE` lines). `scratch` holds the
  /// browser's profile and its output.
  static func dumpDOM(of page: String, in scratch: ScratchFolder) throws -> (
    dom: String, log: String
  ) {
    let domFile = scratch.file("dom.html")
    let logFile = scratch.file("chromium.log")
    for file in [domFile, logFile] {
      guard FileManager.default.createFile(atPath: file, contents: nil) else {
        throw TestError("cannot create \(file)")
      }
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments = [
      "120", try executable(), "--headless", "--no-sandbox", "--disable-gpu",
      "--enable-logging=stderr", "--v=0", "--user-data-dir=\(scratch.file("profile"))",
      "--dump-dom", URL(fileURLWithPath: page).absoluteString,
    ]
    process.standardOutput = FileHandle(forWritingAtPath: domFile)
    process.standardError = FileHandle(forWritingAtPath: logFile)
    try process.run()
    process.waitUntilExit()
    let log = try TestFiles.read(logFile)
    guard process.terminationStatus == 0 else {
      throw TestError("chromium exited with \(process.terminationStatus): \(log)")
    }
    return (try TestFiles.read(domFile), log)
  }
}
