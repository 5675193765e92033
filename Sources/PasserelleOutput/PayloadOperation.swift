import PasserelleCore

/// One operation of a payload.
package struct PayloadOperation {
  package enum Action: String, Sendable {
    case upsert
    case markDeleted
    case deactivate
  }

  package var action: Action
  package var guid: String
  package var extId: String
  package var id: Int?
  /// The serialised `data` object, when the action carries one.
  package var data: [UInt8]?
  /// Serialised members beside `data` (`"picture": {…}`, `"lines": […]`).
  package var extra: [UInt8]? = nil

  package init(
    action: Action, guid: String, extId: String, id: Int? = nil, data: [UInt8]? = nil,
    extra: [UInt8]? = nil
  ) {
    self.action = action
    self.guid = guid
    self.extId = extId
    self.id = id
    self.data = data
    self.extra = extra
  }
}
