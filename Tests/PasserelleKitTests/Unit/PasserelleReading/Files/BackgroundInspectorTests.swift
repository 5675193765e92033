import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleReading

/// The inspection a copy runs on a thread of its own sees what the plain one sees,
/// across many blocks (more than the four that may wait) and reads of any size.
@Suite struct BackgroundInspectorTests {
  @Test func manyBlocksGiveTheSameFactsAsAReadOfTheWholeFile() throws {
    let scratch = try TestFiles.scratch()
    var line = Array("C00001\tBoulangerie Lefèvre\tRennes\r\n".utf8)
    var bytes: [UInt8] = []
    var index = 0
    // About 6.5 MiB of varied lines: six full blocks and a partial one.
    while bytes.count < 6_800_000 {
      index += 1
      line[5] = UInt8(ascii: "0") + UInt8(index % 10)
      bytes += line
    }
    let path = scratch.file("big.txt")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let inspector = BackgroundInspector()
    for start in stride(from: 0, to: bytes.count, by: 65_521) {
      bytes[start..<min(start + 65_521, bytes.count)].withUnsafeBytes { inspector.consume($0) }
    }
    let facts = try inspector.facts(fallback: .windows1252)
    let whole = try FileInspection.inspect(path: path, limits: ReadLimits())
    #expect(facts == whole)
    #expect(facts.sha256 == (try FileInspection.sha256(path: path)))
    #expect(facts.size == bytes.count && facts.encoding == .utf8)
  }

}
