/// A refusal: the HTTP status and the message SM-style `{"message": …}` carries.
struct APIError: Error, Sendable {
  let status: Int
  let message: String

  static func badRequest(_ message: String) -> APIError { APIError(status: 400, message: message) }

  static func notFound(_ message: String) -> APIError { APIError(status: 404, message: message) }
}
