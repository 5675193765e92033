import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleReading

@Suite struct ByteWordTests {
  /// A run of whole words ends at the first word that holds a stop byte (or, for
  /// the ASCII run, a high byte), wherever it sits, and never past the last whole word.
  @Test func wordRunsEndAtTheWordHoldingAStop() {
    for length in [0, 7, 8, 9, 23, 24] {
      for from in 0...min(3, length) {
        for stopAt in [nil] + Array(from..<length).map(Optional.some) {
          for stop: UInt8 in [0x0A, 0x0D, 0xE9] {
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            if let stopAt { bytes[stopAt] = stop }
            let wholeWords = from + (length - from) / 8 * 8
            let expected = stopAt.map { min(from + ($0 - from) / 8 * 8, wholeWords) } ?? wholeWords
            bytes.withUnsafeBytes { buffer in
              let plain = ByteWord.plainWordsEnd(
                buffer, from: from, highBytesStop: stop == 0xE9, 0x0A, 0x0D)
              #expect(plain == expected, "\(length) bytes from \(from), \(stop) at \(stopAt ?? -1)")
              let ascii = ByteWord.asciiWordsEnd(buffer, from: from)
              #expect(ascii == (stop == 0xE9 ? expected : wholeWords))
            }
          }
        }
      }
    }
  }

  @Test func wordTestsAgreeWithByteTests() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      var bytes = (0..<8).map { _ in UInt8.random(in: 0x0B...0x7F, using: &generator) }
      if Bool.random(using: &generator) {
        bytes[Int.random(in: 0..<8, using: &generator)] = UInt8.random(
          in: 0...0xFF, using: &generator)
      }
      let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
      #expect(ByteWord.hasHighByte(word) == bytes.contains { $0 >= 0x80 })
      #expect(ByteWord.hasByte(word, below: 0x0B) == bytes.contains { $0 < 0x0B })
      for byte: UInt8 in [0, 0x0A, 0x0D, 0x22, 0x5C, bytes[0]] {
        #expect(ByteWord.contains(word, byte) == bytes.contains(byte))
      }
    }
  }

  @Test func findsANulByteWhereverItSits() throws {
    let scratch = try TestFiles.scratch()
    for offset in 0..<16 {
      let path = scratch.file("nul\(offset).csv")
      var bytes = Array("Code;Nom\nABCDEFGHIJKLMNOP\n".utf8)
      bytes[9 + offset] = 0
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let found = rejection { _ = try FileInspection.inspect(path: path, limits: ReadLimits()) }
      #expect(found?.code == .unreadableEncoding)
      #expect(found?.line == 2)
    }
  }

  /// A run of quiet words ends at the first word holding a NUL, 0xEF or a byte from
  /// 0x80 to 0x9F, and counts the line feeds of the words before it: across the
  /// 31-word sums, in text of accented letters, TABs and line ends.
  @Test func quietRunsEndAtTheFirstTellingByteAndCountLineFeeds() {
    var generator = SeededGenerator(seed: 7)
    let text: [UInt8] = [0x61, 0x20, 0x09, 0x0A, 0x0A, 0x0D, 0xE9, 0xEE, 0xA0, 0xFF, 0x7F, 0x01]
    let telling: [UInt8] = [0x00, 0xEF, 0x80, 0x81, 0x9D, 0x9F]
    for _ in 0..<2_000 {
      let length = Int.random(in: 0...600, using: &generator)
      var bytes = (0..<length).map { _ in text.randomElement(using: &generator)! }
      if length > 0 && Bool.random(using: &generator) {
        bytes[Int.random(in: 0..<length, using: &generator)] =
          telling.randomElement(using: &generator)!
      }
      let from = min(length, Int.random(in: 0...3, using: &generator))
      var end = from
      while end + 8 <= length, !bytes[end..<end + 8].contains(where: telling.contains) {
        end += 8
      }
      let lineFeeds = bytes[from..<end].filter { $0 == 0x0A }.count
      bytes.withUnsafeBytes { buffer in
        let run = ByteWord.quietWordsEnd(buffer, from: from)
        #expect(run.end == end && run.lineFeeds == lineFeeds, "\(bytes) from \(from)")
      }
    }
  }

  /// Line feeds are added up per byte lane and summed every 31 words: runs of line
  /// feeds alone, around and past those sums, are counted whole.
  @Test func longRunsOfLineFeedsAreCountedWhole() {
    for words in [31, 32, 33, 62, 64, 300] {
      let bytes = [UInt8](repeating: 0x0A, count: 8 * words + 3)
      bytes.withUnsafeBytes { buffer in
        let run = ByteWord.quietWordsEnd(buffer, from: 0)
        #expect(run.end == 8 * words && run.lineFeeds == 8 * words, "\(words) words")
      }
    }
  }

  /// The line of a NUL byte, and of a byte-order mark past the file's start (two
  /// exports pasted together), far into a file and whatever the reads' sizes.
  @Test func findsTheLineOfANulOrOfAnInnerMarkFarIntoAFile() throws {
    let scratch = try TestFiles.scratch()
    let lines = (1...700).map { Array("C\($0)\tCafé du Marché\t\t\t\($0 * 7)".utf8) }
    for (mark, code, line) in [
      ([UInt8](arrayLiteral: 0), ReasonCode.unreadableEncoding, 523),
      ([0xEF, 0xBB, 0xBF], .unreadableEncoding, 611),
    ] {
      var file = lines
      file[line - 1].insert(contentsOf: mark, at: 3)
      let path = scratch.file("far\(line).txt")
      try Data(Array(file.joined(separator: [0x0A]))).write(to: URL(fileURLWithPath: path))
      for chunkSize in [1, 5, 64, 1 << 16] {
        let found = rejection {
          _ = try FileInspection.inspect(path: path, limits: ReadLimits(), chunkSize: chunkSize)
        }
        #expect(found?.code == code)
        #expect(found?.line == line, "chunks of \(chunkSize)")
      }
    }
  }
}
