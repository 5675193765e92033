/// Reads the JSON of SM's successful answers into what the client returns.
enum AnswerReader {
  /// The body's JSON; `unexpectedAnswer` when it is not JSON.
  static func json(_ answer: HTTPAnswer, of label: String) throws(SalesManagementError)
    -> JSONValue
  {
    do {
      return try JSONValue(jsonBytes: answer.body)
    } catch {
      throw .unexpectedAnswer("the answer to \(label) is not JSON")
    }
  }

  /// A list's records; an empty body is an empty list.
  static func records(_ answer: HTTPAnswer, of label: String) throws(SalesManagementError)
    -> [JSONValue]
  {
    if answer.body.allSatisfy(isWhitespace) { return [] }
    guard let records = try json(answer, of: label).array else {
      throw .unexpectedAnswer("the answer to \(label) is not a JSON array")
    }
    return records
  }

  /// The id of a created record: `{"id": 12}` (or `Id`), a bare `12`, or either inside a
  /// one-element array.
  static func createdID(_ answer: HTTPAnswer, of label: String) throws(SalesManagementError)
    -> Int
  {
    var json = try json(answer, of: label)
    if let elements = json.array, elements.count == 1 { json = elements[0] }
    if let id = json.int ?? (json["id"] ?? json["Id"])?.int { return id }
    if let text = (json["id"] ?? json["Id"])?.string, let id = Int(text) { return id }
    throw .unexpectedAnswer("the answer to \(label) holds no id")
  }

  /// One answer per item sent, in the items' order, matched by guid. An item SM's answer
  /// leaves out gets code 0 (outcome unknown); an update's answer without an id keeps
  /// the item's.
  static func bulkAnswers(
    _ answer: HTTPAnswer, for items: [SalesManagementBulkItem], of label: String
  ) throws(SalesManagementError) -> [SalesManagementBulkAnswer] {
    guard let elements = try json(answer, of: label).array else {
      throw .unexpectedAnswer("the answer to \(label) is not a JSON array")
    }
    var byGUID: [String: JSONValue] = [:]
    for element in elements {
      if let guid = member(element, "guid")?.string { byGUID[guid] = element }
    }
    return items.map { item in
      guard let element = byGUID[item.guid] else {
        return SalesManagementBulkAnswer(
          guid: item.guid, id: nil, code: 0,
          message: "SM's answer does not mention this item: it may or may not be applied")
      }
      let code = member(element, "code")?.int ?? 0
      let id = member(element, "id")?.int ?? (200..<300 ~= code ? item.id : nil)
      return SalesManagementBulkAnswer(
        guid: item.guid, id: id, code: code, message: member(element, "message")?.string)
    }
  }

  /// The member `name`, or its capitalised spelling (`Message`).
  private static func member(_ object: JSONValue, _ name: String) -> JSONValue? {
    object[name] ?? object[name.prefix(1).uppercased() + name.dropFirst()]
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }
}
