import Foundation
import Logging

/// Sends SM's calls: session token, throttle, in-flight limit, retries, health, logs.
struct CallRunner: Sendable {
  let transport: HTTPTransport
  let credentials: SalesManagementCredentials
  let options: SalesManagementClientOptions
  let session: LoginSession
  let spacing: CallSpacing
  let limit: InFlightLimit
  let health: HealthRecorder
  let logger: Logger

  /// Sends `request` with the session token, logging in first if needed. After a 401,
  /// logs in once more and tries once more; a second 401 is `loginRefused`. Returns any
  /// other answer, whatever its status.
  func call(_ request: OutgoingRequest) async throws(SalesManagementError) -> HTTPAnswer {
    let token = try await session.token(login: login)
    let answer = try await sendWithRetries(request, sessionKey: token)
    guard answer.status == 401 else { return answer }
    logger.debug(
      "SM refused the session key: logging in again", metadata: ["call": "\(request.label)"])
    await session.discard(token)
    let freshToken = try await session.token(login: login)
    let second = try await sendWithRetries(request, sessionKey: freshToken)
    guard second.status == 401 else { return second }
    await session.discard(freshToken)
    try fail(
      .loginRefused(
        "HTTP 401 on \(request.label) right after a fresh login: check the API keys' rights"))
  }

  /// Logs in unless a token is held: checks the keys and SM's reach without a call
  /// of the API itself.
  func connect() async throws(SalesManagementError) {
    _ = try await session.token(login: login)
  }

  /// `POST /login` with the keys; returns SM's token.
  private func login() async throws(SalesManagementError) -> String {
    let keys: JSONValue = [
      "username": .string(credentials.publicKey), "password": .string(credentials.privateKey),
    ]
    let request = OutgoingRequest(verb: .post, path: "/login", body: try? keys.jsonData())
    let answer = try await sendWithRetries(request, sessionKey: nil)
    switch answer.status {
    case 200..<300:
      guard let json = try? JSONValue(jsonBytes: answer.body),
        let token = (json["token"] ?? json["Token"])?.string, !token.isEmpty
      else {
        try fail(.unexpectedAnswer("SM's login answer holds no token"))
      }
      return token
    case 400..<500:
      let failure = "HTTP \(answer.status) on POST /login"
      try fail(.loginRefused("\(failure): check the public and the private API key"))
    default:
      try fail(.unexpectedAnswer("HTTP \(answer.status) on POST /login"))
    }
  }

  /// Records `error` in the health figures, then throws it.
  func fail(_ error: SalesManagementError) throws(SalesManagementError) -> Never {
    health.recordFailure(error.detail)
    throw error
  }

  /// Sends until SM answers something other than a 429 or a 5xx, waiting between tries;
  /// `unreachable` once `maxAttempts` tries have failed.
  private func sendWithRetries(
    _ request: OutgoingRequest, sessionKey: String?
  ) async throws(SalesManagementError) -> HTTPAnswer {
    let maxAttempts = max(1, options.maxAttempts)
    var tryNumber = 1
    while true {
      let failure: String
      var askedDelay: Duration?
      switch await sendOnce(request, sessionKey: sessionKey, isRetry: tryNumber > 1) {
      case .answered(let answer) where answer.status == 429:
        failure = "HTTP 429 on \(request.label)"
        askedDelay = RetryDelay.retryAfter(
          answer.header("Retry-After"), maximum: options.maxBackoff)
      case .answered(let answer) where answer.status >= 500:
        failure = "HTTP \(answer.status) on \(request.label)"
      case .answered(let answer):
        if answer.status != 401 { health.recordSuccess() }
        return answer
      case .noAnswer(let reason, let mayHaveBeenSent):
        failure = "\(reason) on \(request.label)"
        if mayHaveBeenSent, !request.isIdempotent {
          // Sending a create again could make a second record: the caller looks first.
          health.recordFailure(failure)
          throw .outcomeUnknown("\(failure): SM may have applied it")
        }
      case .tooLarge(let limit):
        try fail(.unexpectedAnswer("answer to \(request.label) exceeds \(limit) bytes"))
      case .cancelled:
        throw .cancelled
      }
      health.recordFailure(failure)
      guard tryNumber < maxAttempts else {
        throw .unreachable("\(failure), still after \(tryNumber) tries")
      }
      let delay =
        askedDelay
        ?? RetryDelay.backoff(
          afterTry: tryNumber, initial: options.initialBackoff, maximum: options.maxBackoff)
      logger.debug(
        "SM call failed, retrying",
        metadata: ["failure": "\(failure)", "try": "\(tryNumber)", "wait": "\(delay)"])
      do { try await Task.sleep(for: delay) } catch { throw .cancelled }
      tryNumber += 1
    }
  }

  /// One try, once the in-flight limit and the spacing let it start.
  private func sendOnce(
    _ request: OutgoingRequest, sessionKey: String?, isRetry: Bool
  ) async -> TryOutcome {
    do { try await limit.acquire() } catch { return .cancelled }
    do { try await spacing.waitForTurn() } catch {
      await limit.release()
      return .cancelled
    }
    health.recordCall(isRetry: isRetry)
    let started = ContinuousClock.now
    let outcome = await transport.send(request, sessionKey: sessionKey)
    await limit.release()
    log(outcome, of: request, after: ContinuousClock.now - started)
    return outcome
  }

  /// One debug line per try: method, path, status, duration; never a body or a header.
  private func log(_ outcome: TryOutcome, of request: OutgoingRequest, after duration: Duration) {
    let result: String =
      switch outcome {
      case .answered(let answer): "\(answer.status)"
      case .noAnswer(let reason, _): reason
      case .tooLarge: "answer too large"
      case .cancelled: "cancelled"
      }
    let milliseconds = Int(RetryDelay.seconds(duration) * 1000)
    logger.debug(
      "SM call",
      metadata: [
        "method": "\(request.verb.rawValue)", "path": "\(request.path)", "status": "\(result)",
        "ms": "\(milliseconds)",
      ])
  }
}
