import Testing

@testable import SalesManagementAPI

/// SM's error messages and the field they name.
@Suite struct RefusalMessageTests {
  @Test func theMessageIsTakenFromEitherSpelling() {
    #expect(
      RefusalMessage.message(in: Array(#"{"message":"name is required"}"#.utf8), status: 400)
        == "name is required")
    #expect(
      RefusalMessage.message(in: Array(#"{"Message":"entity not found"}"#.utf8), status: 404)
        == "entity not found")
    #expect(RefusalMessage.message(in: Array("Bad things".utf8), status: 400) == "Bad things")
    #expect(RefusalMessage.message(in: [], status: 409) == "HTTP 409")
    #expect(RefusalMessage.message(in: Array("<html>".utf8), status: 400) == "HTTP 400")
  }

  @Test(
    arguments: [
      ("name is required", "name"), ("salesRepId1 is required", "salesRepId1"),
      ("The field 'extId' is too long", "extId"), ("missing field branchId", "branchId"),
      ("Field \"model\" is mandatory", "model"), ("accountId 12 does not exist", "accountId"),
      ("extId is too long (30 max)", "extId"), ("accounts 12 does not exist", nil),
      ("entity not found", nil), ("", nil),
    ] as [(String, String?)])
  func theFieldIsFoundWhenTheMessageNamesOne(_ message: String, _ field: String?) {
    #expect(RefusalMessage.field(in: message) == field)
  }
}
