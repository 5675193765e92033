/// One record of a bulk create or update.
package struct SalesManagementBulkItem: Sendable {
  /// The caller's id for this item; SM's answer for the item carries it back.
  package let guid: String
  /// SM's id of the record: required by a bulk update, absent from a bulk create.
  package let id: Int?
  /// The record's fields.
  package let data: JSONValue

  /// An item to send.
  package init(guid: String, id: Int? = nil, data: JSONValue) {
    self.guid = guid
    self.id = id
    self.data = data
  }

  /// The item as SM's bulk calls take it: `{"guid", "id"?, "data"}`.
  var json: JSONValue {
    var members: [String: JSONValue] = ["guid": .string(guid), "data": data]
    if let id { members["id"] = .number(Double(id)) }
    return .object(members)
  }
}
