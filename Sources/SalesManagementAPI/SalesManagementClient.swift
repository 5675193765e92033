import AsyncHTTPClient
import Foundation
import Logging

/// SM's REST API v4 as typed calls: login, throttle, retries and paging handled inside.
/// Call `shutdown()` once done.
package final class SalesManagementClient: Sendable {
  /// Most items one bulk call takes (SM's limit).
  package static let maxBulkItems = 200

  private let httpClient: HTTPClient
  private let runner: CallRunner

  /// A client of `baseURL` (such as `https://api.forcemanager.com/api/v4`); nothing is
  /// sent before the first call. Throws `insecureURL` for plain HTTP to a host that is
  /// not loopback, or a malformed URL.
  package init(
    baseURL: String, credentials: SalesManagementCredentials,
    options: SalesManagementClientOptions = .init(), logger: Logger
  ) throws(SalesManagementError) {
    let serviceURL = try ServiceURL(baseURL)
    httpClient = HTTPTransport.makeHTTPClient()
    runner = CallRunner(
      transport: HTTPTransport(
        httpClient: httpClient, serviceURL: serviceURL, timeout: options.requestTimeout,
        maxAnswerBytes: options.maxAnswerBytes),
      credentials: credentials, options: options, session: LoginSession(),
      spacing: CallSpacing(callsPerMinute: options.requestsPerMinute),
      limit: InFlightLimit(limit: options.requestsInFlight), health: HealthRecorder(),
      logger: logger)
  }

  /// Logs in now unless already logged in: `loginRefused` or `unreachable` tell at once
  /// whether SM can be used, even when there is nothing to send.
  package func connect() async throws(SalesManagementError) {
    try await runner.connect()
  }

  /// Page `page` (from 0) of `resource`'s records matching `filter` (see
  /// `SalesManagementFilter`), `options.pageSize` records at most.
  package func list(
    _ resource: String, where filter: String?, page: Int
  ) async throws(SalesManagementError) -> SalesManagementPage {
    var request = OutgoingRequest(verb: .get, path: "/" + resource)
    if let filter { request.query.append(("where", filter)) }
    request.query.append(("page", String(page)))
    let pageSize = max(1, runner.options.pageSize)
    request.headers.append(("X-FM-Entity-Count", String(pageSize)))
    let answer = try await successfulAnswer(to: request)
    let records = try read { () throws(SalesManagementError) in
      try AnswerReader.records(answer, of: request.label)
    }
    let next = answer.header("X-FM-Next-Page")?.trimmingCharacters(in: .whitespaces) ?? ""
    let isLast = next.isEmpty || next.lowercased() == "false" || records.count < pageSize
    return SalesManagementPage(records: records, isLast: isLast)
  }

  /// The record `id` of `resource`; nil when SM has no such record (404).
  package func get(_ resource: String, id: Int) async throws(SalesManagementError) -> JSONValue? {
    let request = OutgoingRequest(verb: .get, path: "/\(resource)/\(id)")
    let answer = try await runner.call(request)
    if answer.status == 404 { return nil }
    try requireSuccess(answer, of: request)
    let record = try read { () throws(SalesManagementError) in
      try AnswerReader.json(answer, of: request.label)
    }
    guard record.object != nil else {
      try runner.fail(.unexpectedAnswer("the answer to \(request.label) is no object"))
    }
    return record
  }

  /// Creates a record of `resource` from `data`; returns SM's id for it.
  package func create(
    _ resource: String, data: JSONValue
  ) async throws(SalesManagementError) -> Int {
    let request = OutgoingRequest(verb: .post, path: "/" + resource, body: try body(data))
    let answer = try await successfulAnswer(to: request)
    return try read { () throws(SalesManagementError) in
      try AnswerReader.createdID(answer, of: request.label)
    }
  }

  /// Changes the keys of record `id` that `data` holds; the others stay as they are.
  package func update(
    _ resource: String, id: Int, data: JSONValue
  ) async throws(SalesManagementError) {
    let request = OutgoingRequest(verb: .put, path: "/\(resource)/\(id)", body: try body(data))
    _ = try await successfulAnswer(to: request)
  }

  /// Deletes record `id` (SM keeps it readable, `deleted: true`). A record SM does not
  /// know (404) counts as deleted, so that a delete retried after a lost answer succeeds.
  package func delete(_ resource: String, id: Int) async throws(SalesManagementError) {
    let request = OutgoingRequest(verb: .delete, path: "/\(resource)/\(id)")
    let answer = try await runner.call(request)
    if answer.status == 404 { return }
    try requireSuccess(answer, of: request)
  }

  /// Creates up to `maxBulkItems` records in one call; one answer per item, in order.
  package func bulkCreate(
    _ resource: String, _ items: [SalesManagementBulkItem]
  ) async throws(SalesManagementError) -> [SalesManagementBulkAnswer] {
    try await bulk(.post, resource, items)
  }

  /// Updates up to `maxBulkItems` records (each item with its `id`) in one call; one
  /// answer per item, in order.
  package func bulkUpdate(
    _ resource: String, _ items: [SalesManagementBulkItem]
  ) async throws(SalesManagementError) -> [SalesManagementBulkAnswer] {
    precondition(items.allSatisfy { $0.id != nil }, "a bulk update needs every item's id")
    return try await bulk(.put, resource, items)
  }

  /// How the conversation with SM has gone so far.
  package var health: SalesManagementHealth { runner.health.snapshot }

  /// Releases the connections; no call may follow.
  package func shutdown() async {
    try? await httpClient.shutdown()
  }

  // A client dropped without `shutdown()` still releases its connections (in the
  // background) instead of tripping AsyncHTTPClient's debug check; after `shutdown()`
  // this only reports "already shut down", ignored.
  deinit {
    httpClient.shutdown { _ in }
  }

  /// Logins sent so far (shared by concurrent callers), for tests.
  var loginCount: Int {
    get async { await runner.session.loginCount }
  }

  /// The session token in use, for tests that check it never leaks.
  var sessionToken: String? {
    get async { await runner.session.currentToken }
  }

  private func bulk(
    _ verb: HTTPVerb, _ resource: String, _ items: [SalesManagementBulkItem]
  ) async throws(SalesManagementError) -> [SalesManagementBulkAnswer] {
    // The caller slices: splitting here would hide which slice failed.
    precondition(items.count <= Self.maxBulkItems, "SM takes at most 200 items per bulk call")
    guard !items.isEmpty else { return [] }
    let payload = try body(.array(items.map(\.json)))
    let request = OutgoingRequest(verb: verb, path: "/\(resource)/bulk", body: payload)
    let answer = try await successfulAnswer(to: request)
    return try read { () throws(SalesManagementError) in
      try AnswerReader.bulkAnswers(answer, for: items, of: request.label)
    }
  }

  /// SM's answer to `request`, once it is a success (2xx).
  private func successfulAnswer(
    to request: OutgoingRequest
  ) async throws(SalesManagementError) -> HTTPAnswer {
    let answer = try await runner.call(request)
    try requireSuccess(answer, of: request)
    return answer
  }

  /// Throws `refused` for a 4xx (SM's message, the field it names), `unexpectedAnswer`
  /// for any other status but 2xx.
  private func requireSuccess(
    _ answer: HTTPAnswer, of request: OutgoingRequest
  ) throws(SalesManagementError) {
    switch answer.status {
    case 200..<300: return
    case 400..<500:
      let message = RefusalMessage.message(in: answer.body, status: answer.status)
      throw .refused(
        status: answer.status, message: message, field: RefusalMessage.field(in: message))
    default:
      try runner.fail(.unexpectedAnswer("HTTP \(answer.status) on \(request.label)"))
    }
  }

  /// Runs `reading`, recording its failure in the health figures.
  private func read<T>(
    _ reading: () throws(SalesManagementError) -> T
  ) throws(SalesManagementError) -> T {
    do { return try reading() } catch { try runner.fail(error) }
  }

  /// `data` as a JSON body; a number JSON cannot carry (NaN, infinity) is the record's
  /// fault, refused before sending (status 0).
  private func body(_ data: JSONValue) throws(SalesManagementError) -> Data {
    do {
      return try data.jsonData()
    } catch {
      throw .refused(
        status: 0, message: "the record holds a number JSON cannot carry (NaN or infinity)",
        field: nil)
    }
  }
}
