/// The HTTP methods SM's API uses.
enum HTTPVerb: String, Sendable {
  case get = "GET"
  case post = "POST"
  case put = "PUT"
  case delete = "DELETE"
}
