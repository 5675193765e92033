import Hummingbird

/// Routes each request: `/api/v4/login`, `/api/v4/…` and `/_emulator/…`; 404 elsewhere.
struct EmulatorResponder: HTTPResponder {
  /// The largest body read: a bulk call of 200 records is far below it.
  static let bodyLimit = 64 << 20
  static let apiPrefix = ["api", "v4"]

  let emulator: Emulator

  func respond(to request: Request, context: EmulatorRequestContext) async throws -> Response {
    var request = request
    let body: ByteBuffer
    do {
      body = try await request.collectBody(upTo: Self.bodyLimit)
    } catch {
      return response(.message("the request body is over \(Self.bodyLimit >> 20) MiB", status: 413))
    }
    let segments = request.uri.path.split(separator: "/").map(String.init)
    if segments.first == "_emulator" {
      return response(await emulator.admin(call(request, Array(segments.dropFirst()), body)))
    }
    guard segments.starts(with: Self.apiPrefix) else {
      return response(.message("no such path: the API is under /api/v4", status: 404))
    }
    let call = call(request, Array(segments.dropFirst(2)), body)
    if call.segments == ["login"] { return response(await emulator.login(call)) }
    switch await emulator.handle(call) {
    case .reply(let reply): return response(reply)
    case .drop:
      await context.dropConnection()
      throw ConnectionDropped()
    }
  }

  private func call(_ request: Request, _ segments: [String], _ body: ByteBuffer) -> APICall {
    let query = QueryString(request.uri.query)
    return APICall(
      method: request.method.rawValue, path: request.uri.path, query: request.uri.query,
      segments: segments, filter: query["where"], page: query["page"],
      entityCount: header("X-FM-Entity-Count", request),
      token: header("X-Session-Key", request), body: Array(body.readableBytesView))
  }

  private func header(_ name: String, _ request: Request) -> String? {
    let wanted = name.lowercased()
    return request.headers.first { $0.name.canonicalName == wanted }?.value
  }

  private func response(_ reply: Reply) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    for (name, value) in reply.headers {
      headers.append(.init(name: .init(name)!, value: value))
    }
    return Response(
      status: .init(code: reply.status), headers: headers,
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
  }
}
