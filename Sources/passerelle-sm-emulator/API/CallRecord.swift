/// One call to the API as `/_emulator/calls` lists it.
struct CallRecord: Sendable {
  let method: String
  let path: String
  let query: String?
  /// The status answered; 0 when the connection was dropped instead.
  var status: Int
  let isLogin: Bool
  /// For a dropped call: whether the write was applied before the drop.
  var appliedBeforeDrop: Bool?

  /// The record's JSON: `method`, `path`, `status`, and `query`, `login`, `dropped`,
  /// `applied` when they say something.
  var json: JSONValue {
    var object: [String: JSONValue] = [
      "method": .string(method), "path": .string(path), "status": .integer(status),
    ]
    if let query { object["query"] = .string(query) }
    if isLogin { object["login"] = .bool(true) }
    if let appliedBeforeDrop {
      object["dropped"] = .bool(true)
      object["applied"] = .bool(appliedBeforeDrop)
    }
    return .object(object)
  }
}
