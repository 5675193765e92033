import Foundation
import Testing

@testable import PasserelleReading

/// A file from SM's side that ends inside its array or object is still being
/// written; anything else is whole, valid or not (the reader judges validity).
@Suite struct JSONCompletenessTests {
  static func isWhole(_ text: String) throws -> Bool {
    let folder = try TestFiles.scratch()
    let path = folder.file("salesorders.json")
    try TestFiles.write(text, to: path)
    return JSONCompleteness.isWhole(path)
  }

  @Test(arguments: [
    #"[{"id": 1}]"#,
    "\u{FEFF}[\n{\"id\": 1}\n]\n",
    #"{"entity": "accounts", "records": [{"name": "a ] b } \" c"}]}"#,
    "[]",
    "not json at all",
    #"[{"id": 1}] trailing"#,
    #""a top-level string, unfinished"#,
    "]",
    "[1]]",
    "\u{FEFF}not json after a byte-order mark",
  ])
  func wholeFiles(_ text: String) throws {
    #expect(try Self.isWhole(text))
  }

  @Test(arguments: [
    "",
    "  \n",
    #"[{"id": 1},"#,
    #"[{"id": 1}, {"name": "Boulangerie"#,
    #"{"entity": "accounts", "records": [{"name": "a \" ]"}"#,
    #"[{"name": "ends on an escape \"#,
  ])
  func unfinishedFiles(_ text: String) throws {
    #expect(try !Self.isWhole(text))
  }
}
