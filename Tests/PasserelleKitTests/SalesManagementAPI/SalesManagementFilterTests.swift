import Foundation
import Testing

@testable import SalesManagementAPI

/// The `where` strings `SalesManagementFilter` builds.
@Suite struct SalesManagementFilterTests {
  @Test func aQuoteInsideAValueIsDoubled() {
    #expect(SalesManagementFilter.quoted("C00042") == "'C00042'")
    #expect(SalesManagementFilter.quoted("O'Neil") == "'O''Neil'")
    #expect(SalesManagementFilter.quoted("''") == "''''''")
    #expect(SalesManagementFilter.quoted("") == "''")
  }

  @Test func extIdsAreJoinedWithOr() {
    #expect(SalesManagementFilter.extId(in: ["a"]) == "extId='a'")
    #expect(
      SalesManagementFilter.extId(in: ["a", "b'c", "d e"])
        == "extId='a' OR extId='b''c' OR extId='d e'")
  }

  @Test func changedSinceCoversRecordsNeverEditedInWholeSecondsUTC() {
    let date = Date(timeIntervalSince1970: 1_796_378_400.75)  // 2026-12-04T10:00:00.75Z
    #expect(
      SalesManagementFilter.changed(since: date)
        == "(dateUpdated>'2026-12-04T10:00:00Z' OR dateCreated>'2026-12-04T10:00:00Z')")
  }

  @Test func aTimestampIsCutToTheSecondBelow() {
    #expect(
      SalesManagementFilter.timestamp(Date(timeIntervalSince1970: 59.999))
        == "1970-01-01T00:00:59Z")
  }
}
