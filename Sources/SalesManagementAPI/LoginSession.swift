/// Holds SM's session token; callers needing one while a login is under way share it.
actor LoginSession {
  private var token: String?
  private var loginInFlight: Task<Result<String, SalesManagementError>, Never>?
  private var logins = 0

  /// The current token, logging in with `login` first if there is none.
  func token(
    login: @escaping @Sendable () async throws(SalesManagementError) -> String
  ) async throws(SalesManagementError) -> String {
    if let token { return token }
    let task: Task<Result<String, SalesManagementError>, Never>
    if let loginInFlight {
      task = loginInFlight
    } else {
      task = Task {
        do throws(SalesManagementError) { return .success(try await login()) } catch {
          return .failure(error)
        }
      }
      loginInFlight = task
      logins += 1
    }
    let result = await task.value
    if loginInFlight == task {
      loginInFlight = nil
      if case .success(let fresh) = result { token = fresh }
    }
    return try result.get()
  }

  /// Forgets `stale` after SM refused it, unless another caller already replaced it.
  func discard(_ stale: String) {
    if token == stale { token = nil }
  }

  /// Logins started so far, for tests.
  var loginCount: Int { logins }

  /// The token in use, for tests that check it never leaks.
  var currentToken: String? { token }
}
