/// What the emulator needs of one HTTP request to the API, read before the state is touched.
struct APICall: Sendable {
  let method: String
  /// The path as requested, for the call log.
  let path: String
  /// The raw query string, for the call log.
  let query: String?
  /// The path's segments after `/api/v4`.
  let segments: [String]
  /// The `where` query parameter, percent-decoded.
  let filter: String?
  /// The `page` query parameter.
  let page: String?
  /// The `X-FM-Entity-Count` header.
  let entityCount: String?
  /// The `X-Session-Key` header.
  let token: String?
  let body: [UInt8]

  /// The body as a JSON object, or the reason it is not one.
  func objectBody() throws(APIError) -> [String: JSONValue] {
    guard let object = JSONValue.parse(body)?.objectValue else {
      throw .badRequest("the body must be a JSON object")
    }
    return object
  }

  /// The body as a JSON array, or the reason it is not one.
  func arrayBody() throws(APIError) -> [JSONValue] {
    guard let array = JSONValue.parse(body)?.arrayValue else {
      throw .badRequest("the body must be a JSON array")
    }
    return array
  }
}
