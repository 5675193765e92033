import Testing

@testable import PasserelleManifest

/// The head of a payload operation read from its bytes, as written or as JSON.
@Suite struct OperationHeadTests {
  @Test(arguments: [
    (
      #"{"action": "upsert", "guid": "g-1", "extId": "C00042", "id": 1234, "data": {"name": "A"}}"#,
      "upsert", "C00042", 1234 as Int?
    ),
    (#"{"action": "markDeleted", "guid": "g-2", "extId": "C00007"}"#, "markDeleted", "C00007", nil),
    (
      #"{"action": "upsert", "guid": "g-3", "extId": "Café \"Chez Léa\"", "data": {}}"#,
      "upsert", #"Café "Chez Léa""#, nil
    ),
    (#"{"extId": "C1", "action": "deactivate", "id": 7}"#, "deactivate", "C1", 7),
  ])
  func theHeadIsReadAsWrittenOrAsJSON(line: String, action: String, extId: String, id: Int?) throws
  {
    let head = try #require(OperationHead(line: ArraySlice(Array(line.utf8))))
    #expect(head.action == action && head.extId == extId && head.id == id)
  }

  @Test(arguments: [#"{"action": "upsert", "guid": "g"}"#, "not json", #"{"action": 1}"#])
  func aLineWithoutActionAndExtIdIsNotAnOperation(line: String) {
    #expect(OperationHead(line: ArraySlice(Array(line.utf8))) == nil)
  }
}
