import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Timed parts of end-to-end tests run on a thread of their own: the few threads
/// asynchronous tests share can be held for seconds by other tests' blocking
/// calls, which would time the test suite instead of Passerelle.
enum OwnThread {
  static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
  }

  /// A JSON call answered on URLSession's own queue, waited for on this thread.
  static func json(_ method: String, _ url: URL, body: Any) throws -> Any {
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    let answer = Answer()
    let done = DispatchSemaphore(value: 0)
    URLSession.shared.dataTask(with: request) { data, _, error in
      answer.set(data, error)
      done.signal()
    }.resume()
    guard done.wait(timeout: .now() + 30) == .success else { throw TestError("\(url): no answer") }
    return try JSONSerialization.jsonObject(with: try answer.get())
  }

  /// What a call answered, handed from URLSession's queue to the waiting thread.
  private final class Answer: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var error: (any Error)?

    func set(_ data: Data?, _ error: (any Error)?) {
      lock.withLock {
        self.data = data
        self.error = error
      }
    }

    func get() throws -> Data {
      try lock.withLock {
        if let error { throw error }
        guard let data else { throw TestError("no body") }
        return data
      }
    }
  }
}
