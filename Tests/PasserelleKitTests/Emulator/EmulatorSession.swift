import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Plain HTTP calls to a running emulator, for the emulator's own tests (they test the
/// emulator, not Passerelle's client). Keeps the session key of its last login.
struct EmulatorSession {
  /// One answer: status, headers, body.
  struct Answer {
    let status: Int
    let headers: [String: String]
    let body: Data

    /// The body parsed as JSON.
    var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
    /// The body as a JSON object.
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    /// The body as a JSON array of objects.
    var objects: [[String: Any]] { json as? [[String: Any]] ?? [] }
    /// The `message` of an error answer.
    var message: String? { object["message"] as? String }
    /// A header, by name in any case.
    func header(_ name: String) -> String? {
      headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
  }

  let emulator: EmulatorProcess
  var token: String?
  private let session: URLSession

  init(_ emulator: EmulatorProcess) {
    self.emulator = emulator
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = 30
    session = URLSession(configuration: configuration)
  }

  /// Logs in with the default keys and keeps the token.
  mutating func login() async throws {
    let answer = try await call(
      "POST", "login",
      body: ["username": EmulatorProcess.publicKey, "password": EmulatorProcess.privateKey])
    guard let token = answer.object["token"] as? String else {
      throw TestError("login answered \(answer.status)")
    }
    self.token = token
  }

  /// A call to the API: `path` under `/api/v4`, with the session key if there is one.
  func call(
    _ method: String, _ path: String, query: [String: String] = [:], body: Any? = nil,
    headers: [String: String] = [:]
  ) async throws -> Answer {
    var allHeaders = headers
    if let token, allHeaders["X-Session-Key"] == nil { allHeaders["X-Session-Key"] = token }
    let url = emulator.baseURL.appendingPathComponent(path)
    return try await send(method, url, query: query, body: body, headers: allHeaders)
  }

  /// A call to an admin endpoint: `path` under `/_emulator`.
  func admin(_ method: String, _ path: String, body: Any? = nil) async throws -> Answer {
    try await send(
      method, emulator.adminURL.appendingPathComponent(path), query: [:], body: body, headers: [:])
  }

  /// The emulator's counts: `/_emulator/state`'s `resources` member for `resource`.
  func state(of resource: String) async throws -> [String: Any] {
    let state = try await admin("GET", "state").object
    return (state["resources"] as? [String: Any])?[resource] as? [String: Any] ?? [:]
  }

  private func send(
    _ method: String, _ url: URL, query: [String: String], body: Any?,
    headers: [String: String]
  ) async throws -> Answer {
    var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
    if !query.isEmpty {
      components.percentEncodedQuery = query.sorted { $0.key < $1.key }
        .map { "\($0.key)=\(Self.encode($0.value))" }.joined(separator: "&")
    }
    var request = URLRequest(url: components.url!)
    request.httpMethod = method
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    if let body {
      request.httpBody = try JSONSerialization.data(
        withJSONObject: body, options: [.fragmentsAllowed])
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await session.data(for: request)
    let http = response as! HTTPURLResponse
    var fields: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      fields["\(name)"] = "\(value)"
    }
    return Answer(status: http.statusCode, headers: fields, body: data)
  }

  private static let unreserved = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

  /// Percent-encodes all but ASCII letters, digits and `-._~`: a bare `+` reads as a space.
  private static func encode(_ value: String) -> String {
    value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
  }
}
