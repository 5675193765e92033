import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleReading

/// Lines of a TAB export without quotes are split without libcsv: the values, their
/// storage (what row fingerprints cover), the line numbers and the refusals must be
/// those of libcsv's reading.
@Suite struct PlainTabLineTests {
  private func split(_ line: String, maxFields: Int = 100) -> (Bool, [String], Int) {
    let (accepted, values, stored) = split(bytes: Array(line.utf8), maxFields: maxFields)
    return (accepted, values.map { String(decoding: $0, as: UTF8.self) }, stored)
  }

  /// Splits `line`, handed over as the start of a larger buffer whose next bytes
  /// (TABs, quotes, letters) must not be read.
  private func split(bytes line: [UInt8], maxFields: Int) -> (Bool, [[UInt8]], Int) {
    let row = SourceRow(encoding: .utf8)
    row.appendField(UnsafeRawBufferPointer(start: nil, count: 0))
    let buffer = line + Array("\t\"x\t\t\"\t y\t".utf8)
    let accepted = buffer.withUnsafeBytes {
      row.appendTabSeparated(
        UnsafeRawBufferPointer(rebasing: $0.prefix(line.count)), maxFields: maxFields)
    }
    let values = (1..<row.fieldCount).map { Array(row.raw($0)) }
    return (accepted, values, row.storedBytes)
  }

  @Test func splitsAtTabsAndLeavesOutSurroundingSpaces() {
    let (accepted, values, stored) = split("  A1 \t\tdeux mots  \t ")
    #expect(accepted)
    #expect(values == ["A1", "", "deux mots", ""])
    #expect(stored == "A1deux mots".utf8.count)
  }

  @Test(arguments: ["A\tdit \"oui\"", "\"A\"\tb", "   ", "", "a\tb\tc"])
  func leavesTheRowAsItWasWhenLibcsvMustReadTheLine(_ line: String) {
    let (accepted, values, stored) = split(line, maxFields: 2)
    #expect(!accepted)
    #expect(values.isEmpty)
    #expect(stored == 0)
  }

  /// Every line of up to nine bytes made of a letter, a space and a TAB (TABs fall
  /// at both ends of the eight-byte words the line is searched in, and in the bytes
  /// past the last whole word), and longer lines of these and of bytes close to a
  /// TAB, split as a plain split at TABs with spaces trimmed would, under limits that
  /// each line meets or exceeds. Long lines outgrow a row's first 32 slots.
  @Test func splitsEveryShortLineAsAPlainSplitWould() {
    var lines: [[UInt8]] = [[]]
    var all: [[UInt8]] = []
    for _ in 1...9 {
      lines = lines.flatMap { line in [0x61, 0x20, 0x09].map { line + [$0] } }
      all += lines
    }
    var random = SeededGenerator(seed: 20)
    // Bytes a loose test for TABs would take for one: 0x08, 0x89 (TAB with its top
    // bit), 0x00, 0xFF, 0x0A.
    let alphabet: [UInt8] = [0x61, 0x62, 0x20, 0x20, 0x09, 0x09, 0x08, 0x89, 0x00, 0xFF, 0x0A]
    for _ in 0..<4_000 {
      all.append(
        (0..<Int.random(in: 10...200, using: &random)).map { _ in
          alphabet.randomElement(using: &random)!
        })
    }
    for line in all {
      let expected = line.split(separator: 0x09, omittingEmptySubsequences: false).map {
        Array($0.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed())
      }
      let onlySpaces = expected == [[]]
      for maxFields in [expected.count - 1, expected.count] where maxFields > 0 {
        let (accepted, values, stored) = split(bytes: line, maxFields: maxFields)
        let accepts = maxFields == expected.count && !onlySpaces
        #expect(accepted == accepts, "\(line) \(maxFields)")
        #expect(values == (accepts ? expected : []), "\(line) \(maxFields)")
        #expect(stored == (accepts ? expected.joined().count : 0), "\(line)")
      }
    }
  }

  @Test func aLineOfTabsIsARowOfEmptyValues() {
    let (accepted, values, _) = split("\t")
    #expect(accepted)
    #expect(values == ["", ""])
  }

  @Test func theFeederSplitsLinesWithoutQuotesItself() throws {
    let state = CSVParseState(
      facts: FileFacts(sha256: "", size: 0, encoding: .utf8, bomLength: 0), limits: ReadLimits())
    var rows: [[String]] = []
    state.onHeader = { _ in }
    state.onRow = { row in rows.append((0..<row.fieldCount).map(row.text)) }
    let feeder = CSVLineFeeder(state: state, limits: ReadLimits(), maxQuotedLines: 50)
    defer { feeder.release() }
    for line in ["Code\tNom\r\n", "A\t un \r\n", "B\t\"deux\"\r\n", "C\ttrois\r\n"] {
      try Array(line.utf8).withUnsafeBytes { try feeder.line($0, terminated: true) }
    }
    try feeder.finish()
    #expect(rows == [["A", "un"], ["B", "deux"], ["C", "trois"]])
    #expect(feeder.plainLines == 3)
  }

  /// Random TAB files made of the pieces that matter (spaces, quotes, empty values,
  /// short and long rows, blank lines, the three line breaks), read both ways under
  /// limits small enough that some are refused.
  @Test func readsRandomFilesAsLibcsvDoes() throws {
    let seed = TestSeed.draw(for: "readsRandomFilesAsLibcsvDoes")
    var random = SeededGenerator(seed: seed)
    let scratch = try TestFiles.scratch()
    var limits = ReadLimits()
    limits.maxColumns = 7
    limits.maxFieldBytes = 12
    limits.maxRecordBytes = 60
    for file in 0..<300 {
      let path = scratch.file("random-\(file).txt")
      try Data(randomFile(&random)).write(to: URL(fileURLWithPath: path))
      let plain = try reading(path, limits: limits, splitsPlainLines: true)
      let libcsv = try reading(path, limits: limits, splitsPlainLines: false)
      #expect(plain == libcsv, "file \(file), seed \(seed)")
    }
  }

  /// The shipped TAB exports of 88 and more columns: rows outgrow their first 32 slots.
  @Test(arguments: ["Export des clients.Txt", "Export des factures.Txt"])
  func readsTheSamplesAsLibcsvDoes(_ name: String) throws {
    let path = TestFiles.sample(name)
    let plain = try reading(path, limits: ReadLimits(), splitsPlainLines: true)
    let libcsv = try reading(path, limits: ReadLimits(), splitsPlainLines: false)
    #expect(plain.rows.count > 10)
    // A row reads as its line, its storage, then one entry per value.
    #expect(plain.rows.contains { $0.count > 2 + 32 })
    #expect(plain == libcsv)
  }

  private func randomFile(_ random: inout SeededGenerator) -> [UInt8] {
    let pieces = ["a", "é", " ", "  ", "\"", "x y", "", "Code", "12,5"]
    let breaks = ["\r\n", "\n", "\r"]
    var file = Array("Code\tNom\tVille\tNote\r\n".utf8)
    for _ in 0..<Int.random(in: 1...12, using: &random) {
      let values = (0..<Int.random(in: 0...9, using: &random)).map { _ in
        (0..<Int.random(in: 0...3, using: &random)).map { _ in
          pieces.randomElement(using: &random)!
        }.joined()
      }
      file += Array(values.joined(separator: "\t").utf8)
      file += Array(breaks.randomElement(using: &random)!.utf8)
    }
    if Bool.random(using: &random) { file += Array("fin\tsans\tretour".utf8) }
    return file
  }

  /// What a reading hands over, storage included, or the refusal that ends it.
  private struct Reading: Equatable {
    var rows: [[String]] = []
    var refusal: String? = nil
  }

  private func reading(_ path: String, limits: ReadLimits, splitsPlainLines: Bool) throws
    -> Reading
  {
    var result = Reading()
    let facts = try FileInspection.inspect(path: path, limits: limits)
    var reader = CSVReader(path: path, facts: facts, limits: limits)
    reader.splitsPlainLines = splitsPlainLines
    result.refusal = rejection {
      try reader.read(
        header: { result.rows.append($0) },
        row: { row in
          result.rows.append(
            row.withStorage { bytes, starts, ends in
              ["line \(row.line)", String(decoding: bytes, as: UTF8.self)]
                + zip(starts, ends).map { "\($0)-\($1)" }
            })
        })
    }.map { "\($0.code) \($0.message) line \($0.line ?? 0) \($0.field ?? "")" }
    return result
  }
}
