import Foundation
import Testing

@testable import SalesManagementAPI

/// Waits between tries: jittered backoff, `Retry-After`.
@Suite struct RetryDelayTests {
  @Test func backoffStaysUnderItsDoublingCeilingAndTheCap() {
    for tryNumber in 1...12 {
      let delay = RetryDelay.backoff(
        afterTry: tryNumber, initial: .milliseconds(500), maximum: .seconds(30))
      let ceiling = min(30, 0.5 * pow(2, Double(tryNumber - 1)))
      #expect(RetryDelay.seconds(delay) >= 0)
      #expect(RetryDelay.seconds(delay) <= ceiling)
    }
  }

  @Test func retryAfterReadsSecondsAndHTTPDatesCapped() {
    let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
    #expect(RetryDelay.retryAfter("7", maximum: .seconds(30)) == .seconds(7))
    #expect(RetryDelay.retryAfter("120", maximum: .seconds(30)) == .seconds(30))
    #expect(
      RetryDelay.retryAfter("Sun, 06 Nov 1994 08:49:47 GMT", maximum: .seconds(30), now: now)
        == .seconds(10))
    #expect(
      RetryDelay.retryAfter("Sun, 06 Nov 1994 08:49:00 GMT", maximum: .seconds(30), now: now)
        == .zero)
    #expect(RetryDelay.retryAfter(nil, maximum: .seconds(30)) == nil)
    #expect(RetryDelay.retryAfter("soon", maximum: .seconds(30)) == nil)
    #expect(RetryDelay.retryAfter("-1", maximum: .seconds(30)) == nil)
  }
}
