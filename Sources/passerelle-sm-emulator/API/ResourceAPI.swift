import Foundation

/// Carries out the API's routes on the records, as SM answers them.
struct ResourceAPI: Sendable {
  /// SM's limit on a bulk call's items.
  static let bulkLimit = 200

  var records: RecordStore
  /// Resources whose lists refuse a `where` filter on their dates, as a resource
  /// SM does not let one filter so would.
  let undated: Set<Resource>
  /// Now, in whole seconds since 1970.
  let clock: @Sendable () -> Int

  /// The answer to `route`; a refusal changes nothing.
  mutating func perform(_ route: APIRoute, _ call: APICall) -> Reply {
    do {
      return try reply(to: route, call)
    } catch {
      return .refusal(error)
    }
  }

  private mutating func reply(to route: APIRoute, _ call: APICall) throws(APIError) -> Reply {
    switch route {
    case .list(let resource): return try list(resource, call)
    case .read(let resource, let id): return .json(try records.record(resource, id: id).rendered)
    case .create(let resource):
      let id = try records.create(resource, try call.objectBody(), at: clock())
      return .json(.object(["id": .integer(id), "message": "entity created"]), status: 201)
    case .update(let resource, let id):
      try records.update(resource, id: id, with: try call.objectBody(), at: clock())
      return .json(.object(["id": .integer(id), "message": "entity updated"]))
    case .delete(let resource, let id):
      try records.delete(resource, id: id, at: clock())
      return .json(.object(["Message": "entity deleted"]))
    case .bulkCreate(let resource): return .json(.array(bulkCreate(resource, try bulk(call))))
    case .bulkUpdate(let resource): return .json(.array(bulkUpdate(resource, try bulk(call))))
    }
  }

  private func list(_ resource: Resource, _ call: APICall) throws(APIError) -> Reply {
    let page = try Self.pageNumber(call.page)
    let filter = try Self.filter(call.filter)
    if undated.contains(resource), let text = call.filter,
      DateField.allCases.contains(where: { text.contains($0.rawValue) })
    {
      throw .badRequest("\(resource.rawValue) cannot be filtered on its dates")
    }
    let size = Self.pageSize(call.entityCount)
    let found = records.page(resource, filter: filter, page: page, size: size)
    var reply = Reply.json(.array(found.records.map(\.rendered)))
    if found.hasMore { reply.headers.append(("X-FM-Next-Page", String(page + 1))) }
    return reply
  }

  private static func pageNumber(_ text: String?) throws(APIError) -> Int {
    guard let text else { return 0 }
    guard let page = Int(text), (0...10_000_000).contains(page) else {
      throw .badRequest("page must be a whole number from 0, not \(text)")
    }
    return page
  }

  /// `X-FM-Entity-Count`: 50 when absent or not a positive number, at most 1000.
  private static func pageSize(_ text: String?) -> Int {
    guard let text, let size = Int(text.trimmingCharacters(in: .whitespaces)), size > 0 else {
      return 50
    }
    return min(size, 1000)
  }

  private static func filter(_ text: String?) throws(APIError) -> WhereExpression? {
    guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
    do {
      return try WhereParser.parse(text)
    } catch {
      throw .badRequest("cannot read where \(text): \(error.message)")
    }
  }

  private func bulk(_ call: APICall) throws(APIError) -> [JSONValue] {
    let items = try call.arrayBody()
    guard items.count <= Self.bulkLimit else {
      throw .badRequest("a bulk call takes at most \(Self.bulkLimit) items, not \(items.count)")
    }
    return items
  }

  private mutating func bulkCreate(_ resource: Resource, _ items: [JSONValue]) -> [JSONValue] {
    let time = clock()
    var answers: [JSONValue] = []
    for item in items {
      let guid = item.objectValue?["guid"] ?? .null
      do {
        let id = try records.create(resource, try Self.data(of: item), at: time)
        answers.append(Self.answer(guid, id: .integer(id), code: 201, "entity created"))
      } catch {
        answers.append(Self.answer(guid, id: .null, code: error.status, error.message))
      }
    }
    return answers
  }

  private mutating func bulkUpdate(_ resource: Resource, _ items: [JSONValue]) -> [JSONValue] {
    let time = clock()
    var answers: [JSONValue] = []
    for item in items {
      let guid = item.objectValue?["guid"] ?? .null
      let given = item.objectValue?["id"] ?? .null
      do throws(APIError) {
        guard let id = given.integerValue else { throw APIError.badRequest("id is required") }
        try records.update(resource, id: id, with: try Self.data(of: item), at: time)
        answers.append(Self.answer(guid, id: .integer(id), code: 200, "entity updated"))
      } catch {
        answers.append(Self.answer(guid, id: given, code: error.status, error.message))
      }
    }
    return answers
  }

  private static func data(of item: JSONValue) throws(APIError) -> [String: JSONValue] {
    guard let data = item.objectValue?["data"]?.objectValue else {
      throw .badRequest("the item's data must be a JSON object")
    }
    return data
  }

  private static func answer(_ guid: JSONValue, id: JSONValue, code: Int, _ message: String)
    -> JSONValue
  {
    .object(["guid": guid, "id": id, "code": .integer(code), "message": .string(message)])
  }
}
