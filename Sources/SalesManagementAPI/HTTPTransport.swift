import AsyncHTTPClient
import Foundation

/// Sends one try of a request over AsyncHTTPClient and reads the answer whole, capped.
struct HTTPTransport: Sendable {
  let httpClient: HTTPClient
  let serviceURL: ServiceURL
  let timeout: Duration
  let maxAnswerBytes: Int

  /// The settings of the client's own `HTTPClient`: certificates verified (the default
  /// TLS configuration), no redirects followed (the session key must not travel
  /// elsewhere), and a refused connection fails the try at once: the retry loop decides
  /// what follows (AsyncHTTPClient would otherwise keep reconnecting until the deadline).
  static var clientConfiguration: HTTPClient.Configuration {
    var configuration = HTTPClient.Configuration()
    configuration.redirectConfiguration = .disallow
    configuration.connectionPool.retryConnectionEstablishment = false
    return configuration
  }

  /// An `HTTPClient` for one `SalesManagementClient`.
  static func makeHTTPClient() -> HTTPClient {
    HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
  }

  /// Sends `request` once with `sessionKey`, if any.
  func send(_ request: OutgoingRequest, sessionKey: String?) async -> TryOutcome {
    var outgoing = HTTPClientRequest(url: serviceURL.url(path: request.path, query: request.query))
    outgoing.method =
      switch request.verb {
      case .get: .GET
      case .post: .POST
      case .put: .PUT
      case .delete: .DELETE
      }
    outgoing.headers.add(name: "Accept", value: "application/json")
    outgoing.headers.add(name: "User-Agent", value: "passerelle")
    if let sessionKey { outgoing.headers.add(name: "X-Session-Key", value: sessionKey) }
    for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
    if let body = request.body {
      outgoing.headers.add(name: "Content-Type", value: "application/json")
      outgoing.body = .bytes(body)
    }
    do {
      let response = try await httpClient.execute(outgoing, timeout: .nanoseconds(nanoseconds))
      var headers: [String: String] = [:]
      for (name, value) in response.headers { headers[name.lowercased()] = value }
      var body: [UInt8] = []
      for try await chunk in response.body {
        guard body.count + chunk.readableBytes <= maxAnswerBytes else {
          return .tooLarge(limit: maxAnswerBytes)
        }
        body.append(contentsOf: chunk.readableBytesView)
      }
      return .answered(HTTPAnswer(status: Int(response.status.code), headers: headers, body: body))
    } catch {
      if Task.isCancelled || error is CancellationError { return .cancelled }
      return .noAnswer(reason: Self.describe(error), mayHaveBeenSent: !Self.isBeforeSending(error))
    }
  }

  /// Whether `error` surely came before the request left: no connection was made.
  /// Anything else (a closed connection, a timeout, a reset) may follow SM's receipt.
  private static func isBeforeSending(_ error: any Error) -> Bool {
    let beforeSending: [HTTPClientError] = [
      .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout,
      .socksHandshakeTimeout, .httpProxyHandshakeTimeout, .invalidURL, .alreadyShutdown,
    ]
    guard let error = error as? HTTPClientError else { return false }
    return beforeSending.contains(error)
  }

  /// `timeout` in nanoseconds, as AsyncHTTPClient takes it.
  private var nanoseconds: Int64 {
    let (seconds, attoseconds) = timeout.components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }

  /// Short words for a failure without an answer; AsyncHTTPClient's errors hold no header.
  private static func describe(_ error: any Error) -> String {
    if let error = error as? HTTPClientError {
      switch error {
      case .deadlineExceeded, .readTimeout: return "no answer in time"
      case .connectTimeout: return "connection timed out"
      case .remoteConnectionClosed: return "connection closed without an answer"
      case .tlsHandshakeTimeout: return "TLS handshake timed out"
      default: break
      }
    }
    return "connection failed: " + String(String(describing: error).prefix(160))
  }
}
