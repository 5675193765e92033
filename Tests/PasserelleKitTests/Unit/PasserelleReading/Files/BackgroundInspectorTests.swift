import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleReading

/// The inspection a copy runs on threads of its own, reading the copy as it grows,
/// sees what the plain one sees, however the growth is told.
@Suite struct BackgroundInspectorTests {
  /// About 6.5 MiB of varied lines, more than six of the threads' reads, in `scratch`.
  private func bigFile(in scratch: ScratchFolder) throws -> (path: String, bytes: [UInt8]) {
    var line = Array("C00001\tBoulangerie Lefèvre\tRennes\r\n".utf8)
    var bytes: [UInt8] = []
    var index = 0
    while bytes.count < 6_800_000 {
      index += 1
      line[5] = UInt8(ascii: "0") + UInt8(index % 10)
      bytes += line
    }
    let path = scratch.file("big.txt")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return (path, bytes)
  }

  @Test(arguments: [65_521, 1 << 20, 7_000_000])
  func growingFileGivesTheSameFactsAsAReadOfTheWholeFile(step: Int) throws {
    let scratch = try TestFiles.scratch()
    let (path, bytes) = try bigFile(in: scratch)
    let inspector = BackgroundInspector(reading: path)
    for end in stride(from: step, to: bytes.count + step, by: step) {
      inspector.grew(to: min(end, bytes.count))
    }
    let facts = try inspector.facts(fallback: .windows1252)
    let whole = try FileInspection.inspect(path: path, limits: ReadLimits())
    #expect(facts == whole)
    #expect(facts.sha256 == (try FileInspection.sha256(path: path)))
    #expect(facts.size == bytes.count && facts.encoding == .utf8)
  }

  /// Bytes the file does not hold (it was cut while being copied) are a failed read,
  /// not facts about a shorter file.
  @Test func fileShorterThanToldIsAFailedRead() throws {
    let scratch = try TestFiles.scratch()
    let (path, bytes) = try bigFile(in: scratch)
    let inspector = BackgroundInspector(reading: path)
    inspector.grew(to: bytes.count + 10)
    #expect(throws: FileRejection.self) { try inspector.facts(fallback: .windows1252) }
  }

  @Test func copyTellsTheInspectorWhatItWrote() throws {
    let scratch = try TestFiles.scratch()
    let (path, bytes) = try bigFile(in: scratch)
    let copy = path + ".copy"
    let inspector = BackgroundInspector(reading: copy)
    let copied = try FileSystem.copy(path, to: copy) { inspector.grew(to: $0) }
    #expect(copied == bytes.count)
    #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(bytes))
    let facts = try inspector.facts(fallback: .windows1252)
    #expect(facts == (try FileInspection.inspect(path: path, limits: ReadLimits())))
  }

  /// Without threads (the system refused one), the caller inspects the file once written.
  @Test func withoutThreadsTheCallerInspectsTheWholeFile() throws {
    let scratch = try TestFiles.scratch()
    let (path, bytes) = try bigFile(in: scratch)
    let inspector = BackgroundInspector(reading: path, threads: false)
    for end in stride(from: 1 << 20, to: bytes.count + (1 << 20), by: 1 << 20) {
      inspector.grew(to: min(end, bytes.count))
    }
    let facts = try inspector.facts(fallback: .windows1252)
    #expect(facts == (try FileInspection.inspect(path: path, limits: ReadLimits())))
  }

  /// Where the kernel cannot copy, the copy goes through a buffer: the same bytes,
  /// and the same growth told as it goes.
  @Test func copyThroughABufferGivesTheSameBytesAndProgress() throws {
    let scratch = try TestFiles.scratch()
    let (path, bytes) = try bigFile(in: scratch)
    for kernelCopies in [true, false] {
      let copy = path + (kernelCopies ? ".kernel" : ".buffer")
      let output = try OutputFile(path: copy)
      var told: [Int] = []
      let copied = try output.append(
        restOf: try InputFile(path: path), kernelCopies: kernelCopies
      ) { told.append($0) }
      try output.close()
      #expect(copied == bytes.count)
      #expect(told.last == bytes.count && told == told.sorted())
      #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(bytes))
    }
  }
}
