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
}
