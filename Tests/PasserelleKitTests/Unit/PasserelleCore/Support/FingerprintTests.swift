import Foundation
import Testing

@testable import PasserelleCore

/// A fingerprint is 16 bytes held inline: given back as given, equal only to the
/// same 16 bytes, and never made of another count.
@Suite struct FingerprintTests {
  private let bytes = (0..<16).map { UInt8($0 * 17) }

  @Test func givesBackTheBytesItWasMadeOf() throws {
    let fingerprint = try #require(bytes.withUnsafeBytes { Fingerprint($0) })
    #expect(fingerprint.withUnsafeBytes { Array($0) } == bytes)
    #expect(fingerprint.data == Data(bytes))
    #expect(Fingerprint(Data(bytes)) == fingerprint)
  }

  @Test func equalsOnlyTheSameBytes() throws {
    let fingerprint = try #require(Fingerprint(Data(bytes)))
    for index in bytes.indices {
      var changed = bytes
      changed[index] ^= 1
      let other = try #require(Fingerprint(Data(changed)))
      #expect(other != fingerprint, "byte \(index)")
      #expect(Set([fingerprint, other]).count == 2)
    }
  }

  @Test func isNeverMadeOfAnotherCount() {
    for count in [0, 1, 15, 17, 32] {
      #expect(Fingerprint(Data(repeating: 7, count: count)) == nil, "\(count) bytes")
    }
  }

  /// An upsert's fingerprint is the first half of its SHA-256, as stored before.
  @Test func anUpsertsFingerprintIsTheFirstHalfOfItsSHA256() {
    let data = Array(#"{"name":"Martin"}"#.utf8)
    let expected = Data([
      0xc2, 0xd2, 0xd3, 0x02, 0xdb, 0x3e, 0x87, 0xbe, 0x2f, 0x59, 0x7f, 0x52, 0xa9, 0x2d, 0xfa,
      0x6c,
    ])
    #expect(Digest.upsert(data).fingerprint.data == expected)
  }
}
