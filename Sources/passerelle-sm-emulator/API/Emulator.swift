import Foundation

/// The emulator's whole state: records, tokens, faults and the call log. An actor, so
/// that calls apply one at a time, as a database would order them.
actor Emulator {
  private let configuration: EmulatorConfiguration
  var api: ResourceAPI
  var tokens: TokenBook
  var faults: FaultInjector
  private(set) var calls: [CallRecord] = []

  init(_ configuration: EmulatorConfiguration) {
    self.configuration = configuration
    api = ResourceAPI(
      records: RecordStore(branchId: configuration.branchId),
      undated: configuration.undated
    ) { Int(Date().timeIntervalSince1970) }
    tokens = TokenBook(seed: configuration.seed)
    faults = FaultInjector(settings: configuration.faults, seed: configuration.seed)
  }

  /// The one branch the emulator knows.
  var branchId: Int { configuration.branchId }

  /// `POST /login`: a token for the right keys, 401 for wrong ones. Never faulted.
  func login(_ call: APICall) -> Reply {
    var record = CallRecord(
      method: call.method, path: call.path, query: call.query, status: 0, isLogin: true)
    let reply = loginReply(call)
    record.status = reply.status
    calls.append(record)
    return reply
  }

  private func loginReply(_ call: APICall) -> Reply {
    guard call.method == "POST" else {
      return .message("login takes POST", status: 405)
    }
    guard let body = try? call.objectBody(), case .string(let username)? = body["username"],
      case .string(let password)? = body["password"]
    else {
      return .message(
        "login takes {\"username\": public key, \"password\": private key}", status: 400)
    }
    guard username == configuration.publicKey, password == configuration.privateKey else {
      return .message("wrong API keys: check the public and the private key", status: 401)
    }
    return .json(.object(["token": .string(tokens.issue())]))
  }

  /// Any other API call: the token is checked and counted, the fault drawn, then the call
  /// is applied — except a faulted one, or a dropped read, which change nothing.
  func handle(_ call: APICall) -> CallOutcome {
    var record = CallRecord(
      method: call.method, path: call.path, query: call.query, status: 0, isLogin: false)
    let outcome = outcome(of: call, &record)
    if case .reply(let reply) = outcome { record.status = reply.status }
    calls.append(record)
    return outcome
  }

  private func outcome(of call: APICall, _ record: inout CallRecord) -> CallOutcome {
    let route = Result { () throws(APIError) in
      try APIRoute(method: call.method, segments: call.segments)
    }
    guard tokens.admit(call.token, limit: faults.settings.tokenCalls) else {
      let reason =
        call.token == nil ? "X-Session-Key is missing" : "the session key has expired or is unknown"
      return .reply(.message("\(reason): log in again", status: 401))
    }
    let isWrite = (try? route.get().isWrite) ?? false
    switch faults.draw(isWrite: isWrite) {
    case .tooManyRequests:
      var reply = Reply.message("too many requests (emulated)", status: 429)
      reply.headers.append(("Retry-After", String(faults.settings.retryAfter)))
      return .reply(reply)
    case .serverError:
      return .reply(.message("internal server error (emulated)", status: 500))
    case .drop(let applyingWrite):
      if applyingWrite { _ = perform(route, call) }
      record.appliedBeforeDrop = applyingWrite
      return .drop
    case nil:
      return .reply(perform(route, call))
    }
  }

  private func perform(_ route: Result<APIRoute, APIError>, _ call: APICall) -> Reply {
    switch route {
    case .success(let route): return api.perform(route, call)
    case .failure(let error): return .refusal(error)
    }
  }
}
