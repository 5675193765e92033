import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleManifest
@testable import PasserelleOutput
@testable import PasserelleReading
@testable import SageToSalesManagement
@testable import SalesManagementToSage

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
  static let memoryCeilingKB = 65_536
  static let timeLimit = 15.0

  /// Runs `run --once` on a root holding only `file` (copied into `folder`);
  /// returns the exit status and the outcome in the expected file's words.
  static func outcome(
    of source: String, folder: String, name: String, settings: String = ""
  ) throws -> (status: Int32, outcome: String, root: ScratchFolder) {
    let root = try Self.root(name, settings: settings)
    try FileManager.default.copyItem(atPath: source, toPath: root.file("watch/\(folder)/\(name)"))
    let (status, outcome) = try run(root)
    return (status, outcome, root)
  }

  /// A fresh root whose files are taken as they are (no need to watch them settle).
  static func root(_ name: String, settings: String = "") throws -> ScratchFolder {
    let root = try TestFiles.scratch("hostile-\(name)")
    try Layout(root: root.path).createFolders()
    try TestFiles.write(
      "[sync]\nstability_seconds = 0\nsalesmanagement_stability_seconds = 0\n" + settings,
      to: root.file("passerelle.toml"))
    return root
  }

  /// `run --once` on `root` under the ceiling and the time limit.
  static func run(_ root: ScratchFolder) throws -> (status: Int32, outcome: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", "ulimit -d \(memoryCeilingKB); exec \"$0\" run --once --root \"$1\"",
      TestFiles.executable, root.path,
    ]
    let errors = root.file("stderr.txt")
    #expect(FileManager.default.createFile(atPath: errors, contents: nil))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    waitUntil(timeout: timeLimit, poll: 0.02) { !process.isRunning }
    if process.isRunning {
      // A run stuck where it cannot act on SIGTERM (out of memory, a thread it could
      // not start) must fail this test, not hang the suite.
      process.terminate()
      if !waitUntil(timeout: 5, poll: 0.02, { !process.isRunning }) {
        kill(process.processIdentifier, SIGKILL)
      }
      process.waitUntilExit()
      return (-1, "still running after \(timeLimit) s")
    }
    if process.terminationReason == .uncaughtSignal {
      return (-1, "killed by signal \(process.terminationStatus)")
    }
    // Only Passerelle's own lines (log, summary, files written): nothing a library
    // prints on its own.
    for line in try TestFiles.read(errors).split(whereSeparator: \.isNewline) {
      let own =
        line.wholeMatch(of: /\d{4}-\d\d-\d\dT[\d:]+Z (INFO|NOTICE|WARNING|ERROR) .+/) != nil
        || line.wholeMatch(of: /\d+ fichier\(s\) : .+/) != nil
        || line.hasPrefix("  \(root.path)/out/")
      #expect(own, "not a line of Passerelle's: \(line)")
    }
    let rejects = root.files(in: "out/rejects")
    if let reason = rejects.first(where: { $0.hasSuffix(".reason.json") }) {
      let json = try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: root.file("out/rejects/\(reason)"))))
      return (process.terminationStatus, "rejected \((json as? [String: Any])?["code"] ?? "?")")
    }
    guard let report = rejects.first(where: { $0.hasSuffix(".rejects.csv") }) else {
      return (process.terminationStatus, "done")
    }
    let codes = try TestFiles.read(root.file("out/rejects/\(report)"))
      .split(whereSeparator: \.isNewline).dropFirst().map {
        $0.split(separator: ";", omittingEmptySubsequences: false)[4]
      }
      .sorted().joined(separator: ",")
    return (process.terminationStatus, "rows \(codes)")
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
    ("huge-text-node.xml", 5, "1\u{00A0}048\u{00A0}576 octets"),
    ("huger-text-node.xml", 12, "10\u{00A0}000\u{00A0}000 octets"),
    ("huge-field.Txt", 3, "1\u{00A0}048\u{00A0}576 octets"),
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

  /// A link dropped instead of a file, pointing at a readable export outside the
  /// folders: deleted, its reason kept, never read, its target untouched.
  @Test(arguments: ["sage", "salesmanagement"])
  func aSymbolicLinkIsSetAsideAndNeverFollowed(_ folder: String) throws {
    let root = try Self.root("link-\(folder)")
    let target =
      folder == "sage"
      ? TestFiles.tabSample
      : TestFiles.repository.appendingPathComponent("samples/salesmanagement/accounts-2026-11.json")
        .path
    let before = try Data(contentsOf: URL(fileURLWithPath: target))
    let name = folder == "sage" ? "Export des clients.Txt" : "accounts-2026-11.json"
    try FileManager.default.createSymbolicLink(
      atPath: root.file("watch/\(folder)/\(name)"), withDestinationPath: target)
    let (status, outcome) = try Self.run(root)
    #expect(outcome == "rejected link-not-followed")
    #expect(status == 1)
    #expect(root.files(in: "watch/\(folder)").isEmpty)
    #expect(root.files(in: "out/salesmanagement").isEmpty && root.files(in: "out/sage").isEmpty)
    // Only the reason is kept: a link in out/rejects/ could be followed from there.
    let kept = root.files(in: "out/rejects")
    #expect(kept.count == 1 && kept[0].hasSuffix("\(name).reason.json"), "\(kept)")
    let reason = try TestFiles.read(root.file("out/rejects/\(kept[0])"))
    #expect(reason.contains("\"code\": \"link-not-followed\""))
    #expect(reason.contains(target))
    // Never read: not even its content hash was taken through it.
    #expect(reason.contains("\"sha256\": \"\""))
    #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
  }

  /// A named pipe in a drop folder (nothing would ever finish writing it) is left
  /// alone: the run neither blocks on it nor stops the files beside it.
  @Test func aNamedPipeNeitherBlocksNorStopsTheRun() throws {
    let root = try Self.root("fifo")
    #expect(mkfifo(root.file("watch/sage/pipe.Txt"), 0o600) == 0)
    try FileManager.default.copyItem(
      atPath: Self.corpus + "/sage/mixed-line-endings.Txt", toPath: root.file("watch/sage/c.Txt"))
    let (status, outcome) = try Self.run(root)
    #expect(outcome == "done")
    #expect(root.files(in: "out/salesmanagement").count >= 1)
    #expect(status == 0)
    #expect(root.files(in: "watch/sage") == ["pipe.Txt"])
  }

  /// Each configurable limit, lowered in `[reading]`, refuses a file that breaks
  /// it alone, as `too-large`, with the limit in the reason.
  @Test(arguments: [
    ("max_file_mb = 1", "file", "au-delà de la limite de 1\u{00A0}048\u{00A0}576"),
    ("max_field_kb = 1", "field", "dépasse 1024 octets"),
    ("max_record_kb = 2", "record", "dépasse 2048 octets"),
    ("max_columns = 90", "columns", "plus de 90 colonnes"),
    ("max_records = 5", "records", "plus de 5 enregistrements"),
  ])
  func eachLimitIsNamedInItsRejection(_ setting: String, _ breaking: String, _ named: String)
    throws
  {
    let sample = try String(contentsOfFile: TestFiles.tabSample, encoding: .windowsCP1252)
    let lines = sample.split(whereSeparator: \.isNewline).map(String.init)
    let header = lines[0]
    let row = lines[1]
    let columns = header.split(separator: "\t", omittingEmptySubsequences: false).count
    var rows: [String]
    switch breaking {
    case "file": rows = Array(repeating: row, count: 1_500_000 / row.utf8.count)
    case "field":
      rows = [
        row.replacingOccurrences(
          of: "\t", with: "\t" + String(repeating: "a", count: 1_100), options: [],
          range: row.range(of: "\t"))
      ]
    case "record":
      // Every value under the field limit, the whole line over the record limit.
      rows = [
        row.split(separator: "\t", omittingEmptySubsequences: false)
          .map { $0 + String(repeating: "b", count: 30) }.joined(separator: "\t")
      ]
    case "columns": rows = [row + String(repeating: "\tx", count: 95 - columns)]
    default: rows = (1...6).map { row.replacingOccurrences(of: "C00001", with: "C9000\($0)") }
    }
    let root = try Self.root("limit-\(breaking)", settings: "[reading]\n\(setting)\n")
    let text =
      (breaking == "columns" ? header + String(repeating: "\tExtra", count: 95 - columns) : header)
      + "\r\n" + rows.joined(separator: "\r\n") + "\r\n"
    try TestFiles.write(
      text, to: root.file("watch/sage/Export des clients.Txt"), encoding: .windowsCP1252)
    let (status, outcome) = try Self.run(root)
    #expect(outcome == "rejected too-large")
    #expect(status == 1)
    let reason = try #require(root.files(in: "out/rejects").first { $0.hasSuffix(".reason.json") })
    let message = try TestFiles.read(root.file("out/rejects/\(reason)"))
    #expect(message.contains(named), "\(message)")
  }
}
