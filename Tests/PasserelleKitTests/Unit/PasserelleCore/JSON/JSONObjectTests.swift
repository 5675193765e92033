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
}
