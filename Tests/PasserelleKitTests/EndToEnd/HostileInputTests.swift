import Foundation
import Testing

@testable import PasserelleKit

/// Files from other people's machines (Tests/HostileCorpus): each, dropped alone,
/// gets its expected outcome from the real binary, run under a memory ceiling and
/// a time limit, without a crash.
@Suite struct HostileInputTests {
  struct Case: CustomStringConvertible, Sendable {
    var file: String
    var expected: String
    var description: String { file }
  }

  static let corpus = TestFiles.repository.appendingPathComponent("Tests/HostileCorpus").path

  static let cases: [Case] = {
    guard let text = try? String(contentsOfFile: corpus + "/expected.tsv", encoding: .utf8)
    else { return [] }
    return text.split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#") else { return nil }
      let parts = line.split(separator: "\t", maxSplits: 1)
      guard parts.count == 2 else { return nil }
      return Case(file: String(parts[0]), expected: String(parts[1]))
    }
  }()

  /// Data segment ceiling of the binary: far above what any of these files needs.
  static let memoryCeilingKB = 262_144
  static let timeLimit = 15.0

  /// Runs `run --once` on a root holding only `file` (copied into `folder`);
  /// returns the exit status and the outcome in the expected file's words.
  static func outcome(of source: String, folder: String, name: String) throws -> (
    status: Int32, outcome: String, root: ScratchFolder
  ) {
    let root = try TestFiles.scratch("hostile-\(name)")
    try Layout(root: root.path).createFolders()
    // The file is complete: no need to watch it settle.
    try TestFiles.write(
      "[sync]\nstability_seconds = 0\nsalesmanagement_stability_seconds = 0\n",
      to: root.file("passerelle.toml"))
    try FileManager.default.copyItem(atPath: source, toPath: root.file("watch/\(folder)/\(name)"))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", "ulimit -d \(memoryCeilingKB); exec \"$0\" run --once --root \"$1\"",
      TestFiles.executable, root.path,
    ]
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeLimit)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      return (-1, "still running after \(timeLimit) s", root)
    }
    if process.terminationReason == .uncaughtSignal {
      return (-1, "killed by signal \(process.terminationStatus)", root)
    }
    let rejects = root.files(in: "out/rejects")
    if let reason = rejects.first(where: { $0.hasSuffix(".reason.json") }) {
      let json = try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: root.file("out/rejects/\(reason)"))))
      return (
        process.terminationStatus, "rejected \((json as? [String: Any])?["code"] ?? "?")", root
      )
    }
    guard let report = rejects.first(where: { $0.hasSuffix(".rejects.csv") }) else {
      return (process.terminationStatus, "done", root)
    }
    let codes = try TestFiles.read(root.file("out/rejects/\(report)"))
      .split(whereSeparator: \.isNewline).dropFirst().map {
        $0.split(separator: ";", omittingEmptySubsequences: false)[4]
      }
      .sorted().joined(separator: ",")
    return (process.terminationStatus, "rows \(codes)", root)
  }

  @Test(arguments: cases)
  func eachFileGetsItsExpectedOutcome(_ testCase: Case) throws {
    let parts = testCase.file.split(separator: "/", maxSplits: 1).map(String.init)
    let result = try Self.outcome(
      of: Self.corpus + "/" + testCase.file, folder: parts[0], name: parts[1])
    #expect(result.outcome == testCase.expected)
    #expect(result.status == (testCase.expected == "done" ? 0 : 1))
    // Nothing is ever left in the drop folder, whatever the file.
    #expect(result.root.files(in: "watch/\(parts[0])").isEmpty)
  }

  @Test func everyCorpusFileHasAnExpectedOutcome() throws {
    #expect(Self.cases.count >= 20)
    let listed = Set(Self.cases.map(\.file))
    for folder in ["sage", "salesmanagement"] {
      for name in try FileManager.default.contentsOfDirectory(atPath: Self.corpus + "/" + folder) {
        #expect(listed.contains("\(folder)/\(name)"), "\(folder)/\(name) has no expected outcome")
      }
    }
  }

  @Test func aCellASpreadsheetWouldRunIsNeutralised() throws {
    let result = try Self.outcome(
      of: Self.corpus + "/sage/formula-injection.Txt", folder: "sage", name: "f.Txt")
    let report = try #require(result.root.files(in: "out/rejects").first { $0.hasSuffix(".csv") })
    let text = try TestFiles.read(result.root.file("out/rejects/\(report)"))
    #expect(text.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""))
    #expect(!text.contains(";=HYPERLINK") && !text.contains(";\"=HYPERLINK"))
  }

  /// Too big to keep in the repository: text nodes of 5 MB (over the 1 MB field
  /// limit) and 12 MB (over libxml2's own 10 MB limit too) and a 3 MB field, made
  /// here. Each is refused by the limit it breaks, named in the reason, quickly,
  /// under the same ceiling.
  @Test(arguments: [
    ("huge-text-node.xml", 5, "1048576 bytes"), ("huger-text-node.xml", 12, "10,000,000 bytes"),
    ("huge-field.Txt", 3, "1048576 bytes"),
  ])
  func aRunawayValueIsRefusedByItsLimit(_ name: String, megabytes: Int, limit: String) throws {
    let scratch = try TestFiles.scratch("runaway-\(name)")
    let path = scratch.file(name)
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    let chunk = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
    if name.hasSuffix(".xml") {
      // The XML customers sample, its first Nom running for `megabytes`.
      let sample = try TestFiles.read(TestFiles.sample("clients.xml"))
      let start = try #require(sample.range(of: "<Nom>"))
      let end = try #require(sample.range(of: "</Nom>", range: start.upperBound..<sample.endIndex))
      handle.write(Data(sample[..<start.upperBound].utf8))
      for _ in 0..<megabytes { handle.write(chunk) }
      handle.write(Data(sample[end.lowerBound...].utf8))
    } else {
      // The real customers header, then a row whose Nom runs for `megabytes`.
      let sample = try Data(contentsOf: URL(fileURLWithPath: TestFiles.tabSample))
      let header = sample.prefix { $0 != 0x0A }
      handle.write(header + Data("\nC1\t".utf8))
      for _ in 0..<megabytes { handle.write(chunk) }
      handle.write(Data("\tX\r\n".utf8))
    }
    try handle.close()
    let result = try Self.outcome(of: path, folder: "sage", name: name)
    #expect(result.outcome == "rejected too-large")
    #expect(result.status == 1)
    let reason = try #require(
      result.root.files(in: "out/rejects").first { $0.hasSuffix(".reason.json") })
    #expect(try TestFiles.read(result.root.file("out/rejects/\(reason)")).contains(limit))
  }

  @Test func aByteOrderMarkInsideTheFileIsFoundEvenAcrossChunks() throws {
    let scratch = try TestFiles.scratch()
    func inspect(_ bytes: [UInt8]) -> FileRejection? {
      let path = scratch.file("f.txt")
      #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
      return rejection { _ = try FileInspection.inspect(path: path, limits: ReadLimits()) }
    }
    // The mark split by the 64 KiB chunk boundary, on line 3.
    var split = Array("Code\tNom\r\nC1\tA\r\n".utf8)
    split += [UInt8](repeating: UInt8(ascii: "a"), count: (1 << 16) - 1 - split.count)
    split += [0xEF, 0xBB, 0xBF] + Array("C2\tB\r\n".utf8)
    let found = try #require(inspect(split))
    #expect(found.code == .unreadableEncoding)
    #expect(found.line == 3)
    // At the start it is the ordinary mark; "ï»" (Windows-1252) without its third byte is text.
    #expect(inspect([0xEF, 0xBB, 0xBF] + Array("Code\r\nC1\r\n".utf8)) == nil)
    #expect(inspect(Array("Code\r\nNa".utf8) + [0xEF, 0xBB] + Array("f\r\n".utf8)) == nil)
  }
}
