/// An answer before it becomes an HTTP response: status, extra headers, JSON body.
struct Reply: Sendable {
  let status: Int
  var headers: [(name: String, value: String)] = []
  let body: [UInt8]

  /// An answer carrying `value` as JSON.
  static func json(_ value: JSONValue, status: Int = 200) -> Reply {
    Reply(status: status, body: JSONWriter.bytes(of: value))
  }

  /// An error answer, `{"message": …}` as SM writes them.
  static func message(_ text: String, status: Int) -> Reply {
    json(.object(["message": .string(text)]), status: status)
  }

  /// The answer to a refused call.
  static func refusal(_ error: APIError) -> Reply { message(error.message, status: error.status) }
}
