import Foundation
import Testing

@testable import PasserelleCore

@Suite struct FieldSnapshotTests {
  /// Adds `value` as bytes in `encoding`, and answers the builder's bytes.
  private func built(_ value: [UInt8], _ encoding: TextEncoding) -> [UInt8] {
    var builder = FieldSnapshot.Builder()
    value.withUnsafeBytes { builder.add("Nom", $0, encoding: encoding) }
    return builder.bytes
  }

  @Test func controlCharactersAndSeparatorsBecomeSpaces() {
    let value = Array("a\tb\nc\u{1E}d\u{1F}e\u{0}".utf8)
    let expected = Array("Nom\u{1F}a b c d e ".utf8)
    #expect(built(value, .utf8) == expected)
    #expect(built(value, .windows1252) == expected)
    var builder = FieldSnapshot.Builder()
    builder.add("Nom", "a\tb\nc\u{1E}d\u{1F}e\u{0}")
    #expect(builder.bytes == expected)
  }

  @Test func windows1252BytesAreWrittenInUTF8AndUTF8AsItCame() {
    // é, €, Œ, ÿ in Windows-1252, between plain runs, at both ends.
    let windows: [UInt8] = [0xE9, 0x61, 0x80, 0x62, 0x62, 0x8C, 0x09, 0xFF]
    #expect(built(windows, .windows1252) == Array("Nom\u{1F}éa€bbŒ ÿ".utf8))
    let utf8 = Array("éa€bbŒ\tÿ".utf8)
    #expect(built(utf8, .utf8) == Array("Nom\u{1F}éa€bbŒ ÿ".utf8))
  }

  @Test func valuesReadBackByLabel() throws {
    var builder = FieldSnapshot.Builder()
    builder.add("Nom", "Dupont")
    builder.add("Prénom", "")
    Array("Rue\u{1E}des Lilas".utf8).withUnsafeBytes {
      builder.add("Adresse", $0, encoding: .utf8)
    }
    builder.add("Ville", UnsafeRawBufferPointer(start: nil, count: 0), encoding: .windows1252)
    Array("x".utf8).withUnsafeBytes { builder.leftOut("email", holding: $0, sent: "") }
    let snapshot = try #require(FieldSnapshot(encoded: Data(builder.bytes)))
    #expect(
      snapshot.values == [
        "Nom": "Dupont", "Prénom": "", "Adresse": "Rue des Lilas", "Ville": "", "=email": "",
      ])
  }
}
