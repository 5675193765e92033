import Foundation
import Testing

@testable import SalesManagementAPI

/// `JSONValue`'s natural JSON form, both ways, and its conveniences.
@Suite struct JSONValueTests {
  private func text(_ value: JSONValue) throws -> String {
    String(decoding: try value.jsonData(), as: UTF8.self)
  }

  @Test func wholeNumbersAreWrittenWithoutAFractionAndDecimalsInTheirShortestForm() throws {
    #expect(try text(.number(189)) == "189")
    #expect(try text(.number(-3)) == "-3")
    #expect(try text(.number(0)) == "0")
    #expect(try text(.number(8.95)) == "8.95")
    #expect(try text(.number(0.1)) == "0.1")
    #expect(try text(.number(1_234_567_890_123)) == "1234567890123")
  }

  @Test func objectsAreWrittenWithSortedKeysAndEveryKind() throws {
    let value: JSONValue = [
      "name": "O'Neil \"&\" Fils / Paris", "price": 8.95, "stock": 12, "readOnly": false,
      "comment": nil, "tags": ["a", 1],
    ]
    #expect(
      try text(value)
        == #"{"comment":null,"name":"O'Neil \"&\" Fils / Paris","price":8.95,"readOnly":false,"#
        + #""stock":12,"tags":["a",1]}"#)
  }

  @Test func decodingReadsTheNaturalFormBack() throws {
    let json = #"{"id": 42, "price": 8.95, "ok": true, "none": null, "list": [1, "x"], "t": "é"}"#
    let value = try JSONValue(jsonBytes: Array(json.utf8))
    #expect(value["id"]?.int == 42)
    #expect(value["price"]?.double == 8.95)
    #expect(value["price"]?.int == nil)
    #expect(value["ok"]?.bool == true)
    #expect(value["none"]?.isNull == true)
    #expect(value["list"]?[1]?.string == "x")
    #expect(value["list"]?[2] == nil)
    #expect(value["t"]?.string == "é")
    #expect(value["missing"] == nil)
    #expect(value.string == nil)
  }

  @Test func trueAndOneStayDistinct() throws {
    let value = try JSONValue(jsonBytes: Array("[true, 1, 0, false]".utf8))
    #expect(value == [true, 1, 0, false])
    #expect(value[0]?.int == nil)
    #expect(value[1]?.bool == nil)
  }

  @Test func aValueSurvivesARoundTrip() throws {
    let value: JSONValue = ["a": [1, 2.5, "three", nil, ["four": true]], "b": -0.001]
    #expect(try JSONValue(jsonBytes: try value.jsonData()) == value)
  }

  @Test func notJSONIsAnError() {
    #expect(throws: (any Error).self) { try JSONValue(jsonBytes: Array("{oops".utf8)) }
  }
}
