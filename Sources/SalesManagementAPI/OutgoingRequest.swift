import Foundation

/// One request to SM, as the retry loop sends it, perhaps several times.
struct OutgoingRequest: Sendable {
  /// The method.
  let verb: HTTPVerb
  /// The path below the base URL, starting with `/` (logged: holds no secret).
  let path: String
  /// Query parameters in order, not yet encoded (never logged: `where` holds data).
  var query: [(String, String)] = []
  /// Extra headers; `X-Session-Key` is added per try.
  var headers: [(String, String)] = []
  /// The JSON body, if any.
  var body: Data?

  /// Whether sending it twice does no more than sending it once: all but a create.
  /// (A login only hands out another token.)
  var isIdempotent: Bool { verb != .post || path == "/login" }

  /// `GET /accounts`: how logs and errors name the call.
  var label: String { "\(verb.rawValue) \(path)" }
}
