import Testing

@testable import SalesManagementAPI

/// The settings of the client's `HTTPClient`.
@Suite struct HTTPTransportTests {
  /// A wall-clock bound would be flaky under the full suite's load, so the setting that
  /// makes a refused connection end its try at once is checked directly.
  @Test func aRefusedConnectionIsLeftToTheRetryLoop() {
    let configuration = HTTPTransport.clientConfiguration
    #expect(!configuration.connectionPool.retryConnectionEstablishment)
    #expect(configuration.tlsConfiguration == nil)  // AsyncHTTPClient's verified default
  }
}
