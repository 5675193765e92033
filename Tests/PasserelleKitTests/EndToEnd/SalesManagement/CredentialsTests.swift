import Foundation
import Testing

/// SM's keys: where they come from, and where they never go.
@Suite(.serialized) struct CredentialsTests {
  static let publicKey = "pk-7f3a9c2e-PUBLIC"
  static let privateKey = "sk-1b8d4e6f-PRIVATE"

  /// No key in any log line (at trace level, text or JSON), report, payload, pulled
  /// file or `status` output.
  @Test func keysNeverLeaveTheCredentialsFile() async throws {
    let emulator = try EmulatorProcess([
      "--public-key", Self.publicKey, "--private-key", Self.privateKey, "--token-calls", "5",
    ])
    let root = try ConnectedRoot(emulator)
    try writeKeys(to: root)
    try root.dropSamples()
    var seen = ""
    for format in ["text", "json"] {
      for command in [["run", "--once"], ["push"], ["pull"], ["status"], ["status", "--json"]] {
        let run = try await root.run(command + ["--log-level", "trace", "--log-format", format])
        #expect(run.status != 2 && run.status != 3, "\(command): \(run.error)")
        seen += run.output + run.error
      }
    }
    #expect(seen.contains("Envoyé à Sales Management"))
    for path in try allFiles(under: root.path + "/out") + allFiles(under: root.path + "/watch") {
      seen += String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }
    #expect(!seen.contains(Self.publicKey))
    #expect(!seen.contains(Self.privateKey))
  }

  @Test func aCredentialsFileOthersMayReadStopsWithExitTwo() async throws {
    let emulator = try EmulatorProcess()
    let root = try ConnectedRoot(emulator)
    chmod(root.path + "/sm-credentials.toml", 0o640)
    let push = try await root.run("push")
    #expect(push.status == 2)
    #expect(push.error.contains("chmod 600"))
    #expect(try await root.run("run", "--once").status == 2)
  }

  /// The environment wins over the file, which may then be absent.
  @Test func theEnvironmentOverridesTheFile() async throws {
    let emulator = try EmulatorProcess()
    let root = try ConnectedRoot(emulator)
    try FileManager.default.removeItem(atPath: root.path + "/sm-credentials.toml")
    #expect(try await root.run("push").status == 2)
    let process = PasserelleProcess(["push", "--root", root.path])
    var environment = ProcessInfo.processInfo.environment
    environment["PASSERELLE_SM_PUBLIC_KEY"] = EmulatorProcess.publicKey
    environment["PASSERELLE_SM_PRIVATE_KEY"] = EmulatorProcess.privateKey
    process.process.environment = environment
    try process.start()
    #expect(process.finish().status == 0)
  }

  @Test func wrongKeysAreALoginRefusedExitThree() async throws {
    let emulator = try EmulatorProcess()
    let root = try ConnectedRoot(emulator)
    try TestFiles.write(
      "public_key = \"nope\"\nprivate_key = \"nope\"\n", to: root.path + "/sm-credentials.toml")
    let push = try await root.run("push")
    #expect(push.status == 3)
    #expect(push.error.contains("login"))
  }

  private func writeKeys(to root: ConnectedRoot) throws {
    try TestFiles.write(
      "public_key = \"\(Self.publicKey)\"\nprivate_key = \"\(Self.privateKey)\"\n",
      to: root.path + "/sm-credentials.toml")
  }

  private func allFiles(under folder: String) throws -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    return walker.compactMap { $0 as? String }.map { "\(folder)/\($0)" }.filter {
      FileSystemProbe.isFile($0)
    }
  }
}

/// Whether a path is a regular file (folders are walked, not read).
enum FileSystemProbe {
  static func isFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && !isDirectory.boolValue
  }
}
