import Foundation

/// Keeps `SalesManagementHealth` up to date from every task calling SM.
final class HealthRecorder: @unchecked Sendable {
  // Guards `health`: read synchronously by `SalesManagementClient.health`.
  private let lock = NSLock()
  private var health = SalesManagementHealth()

  /// The figures so far.
  var snapshot: SalesManagementHealth { lock.withLock { health } }

  /// A request is about to be sent; `isRetry` when it repeats a failed one.
  func recordCall(isRetry: Bool) {
    lock.withLock {
      health.calls += 1
      if isRetry { health.retries += 1 }
    }
  }

  /// SM answered as documented.
  func recordSuccess() {
    lock.withLock { health.lastSuccessAt = Date() }
  }

  /// Something went wrong: `text` is short and holds no secret.
  func recordFailure(_ text: String) {
    lock.withLock {
      health.lastError = text
      health.lastErrorAt = Date()
    }
  }
}
