import Foundation
import Testing

@testable import PasserelleCore

/// An object stays open until it is written: members added after fingerprinting
/// must give the bytes a closed object would, and the digest of an open object
/// must be the digest of its written bytes.
@Suite struct JSONObjectTests {
  static func sample() -> JSONObject {
    var object = JSONObject()
    object.string("extId", "C00042")
    object.string("name", "Café \"Le Port\"")
    object.bool("readOnly", true)
    return object
  }

  @Test func membersAddedLaterFollowTheOthers() {
    var object = Self.sample()
    object.integer(named: "accountId", 1234)
    let written = String(decoding: object.close(), as: UTF8.self)
    #expect(
      written
        == #"{"extId": "C00042", "name": "Café \"Le Port\"", "readOnly": true, "accountId": 1234}"#
    )
  }

  @Test func anOpenObjectDigestsAsItIsWritten() {
    let object = Self.sample()
    let open = Digest.upsert(object, Array(#""lines": []"#.utf8))
    let written = Digest.upsert(object.closed(), Array(#""lines": []"#.utf8))
    #expect(open.fingerprint == written.fingerprint)
    #expect(open.guid == written.guid)
    #expect(Digest.upsert(object).guid != Digest.upsert(object.bytes).guid)
  }

  @Test func theFirstMemberIsReplacedOnlyWhenItHoldsTheOldValue() throws {
    let object = Self.sample()
    let replaced = try #require(object.replacingFirstMember("extId", "C00042", with: "CSM00007"))
    #expect(
      String(decoding: replaced.closed(), as: UTF8.self)
        == #"{"extId": "CSM00007", "name": "Café \"Le Port\"", "readOnly": true}"#)
    #expect(object.replacingFirstMember("extId", "C0004", with: "X") == nil)
    #expect(object.replacingFirstMember("name", "C00042", with: "X") == nil)
  }

  @Test func anAbsentObjectHoldsNothing() {
    #expect(JSONObject.absent.isAbsent)
    #expect(!JSONObject().isAbsent)
  }

  /// Members are written into room reserved beforehand: one longer than the room
  /// left, escapes and transcoded bytes included, must come out whole.
  @Test func anObjectGrowsPastItsCapacity() throws {
    var object = JSONObject(capacity: 16)
    let windows1252: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x09, 0x22, 0x5C, 0x01, 0x80]
    let long = [UInt8](repeating: UInt8(ascii: "x"), count: 300)
    windows1252.withUnsafeBytes { object.text("name", $0, encoding: .windows1252) }
    object.integer("min", Int.min)
    object.integer("zero", 0)
    object.number("total", try #require(Amount(french: "-1 234,50")))
    long.withUnsafeBytes { first in
      "à".utf8.withContiguousStorageIfAvailable { second in
        object.text("notes", first, UnsafeRawBufferPointer(second), encoding: .utf8)
      }
    }
    object.null("parent")
    let written = String(decoding: object.close(), as: UTF8.self)
    let expected =
      #"{"name": "Café\t\"\\\u0001€", "min": -9223372036854775808, "zero": 0, "#
      + #""total": -1234.5, "notes": ""# + String(repeating: "x", count: 300)
      + #", à", "parent": null}"#
    #expect(written == expected)
  }
}
