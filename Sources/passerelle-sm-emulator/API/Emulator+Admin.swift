/// The `/_emulator/` endpoints: no token, not logged as calls, never faulted.
extension Emulator {
  /// The answer to an admin call; `call.segments` are the path's after `/_emulator`.
  func admin(_ call: APICall) -> Reply {
    do {
      return try adminReply(call)
    } catch {
      return .refusal(error)
    }
  }

  private func adminReply(_ call: APICall) throws(APIError) -> Reply {
    switch (call.method, call.segments.first, call.segments.count) {
    case ("GET", "state", 1): return .json(state)
    case ("GET", "calls", 1): return .json(.array(calls.map(\.json)))
    case ("GET", "faults", 1): return .json(faults.settings.json)
    case ("POST", "faults", 1):
      try faults.settings.apply(try call.objectBody())
      return .json(faults.settings.json)
    case ("POST", "records", 2): return try insertAsUser(try resource(call), call)
    case ("PUT", "records", 3), ("DELETE", "records", 3):
      return try changeAsUser(try resource(call), id: try recordId(call), call)
    default: throw .notFound("no admin endpoint \(call.method) \(call.path)")
    }
  }

  /// Counts per resource, for the tests' checks.
  private var state: JSONValue {
    var resources: [String: JSONValue] = [:]
    for resource in Resource.allCases {
      let table = api.records.table(resource)
      resources[resource.rawValue] = .object([
        "count": .integer(table.records.count), "deleted": .integer(table.deletedCount),
        "createsByExtId": .object(table.createsByExtId.mapValues { .integer($0) }),
      ])
    }
    return .object(["calls": .integer(calls.count), "resources": .object(resources)])
  }

  /// Records typed by an SM user: no checks, a branch when they name none.
  private func insertAsUser(_ resource: Resource, _ call: APICall) throws(APIError) -> Reply {
    let body = JSONValue.parse(call.body)
    guard let items = body?.arrayValue ?? body.map({ [$0] }),
      items.allSatisfy({ $0.objectValue != nil })
    else { throw .badRequest("the body must be a JSON array of objects") }
    let time = api.clock()
    var ids: [JSONValue] = []
    for item in items {
      var fields = item.objectValue!
      if resource.hasBranch, fields["branchId"] == nil { fields["branchId"] = .integer(branchId) }
      ids.append(.integer(try api.records.create(resource, fields, at: time, checked: false)))
    }
    return .json(.object(["ids": .array(ids)]), status: 201)
  }

  /// An edit or a delete by an SM user: no checks.
  private func changeAsUser(_ resource: Resource, id: Int, _ call: APICall) throws(APIError)
    -> Reply
  {
    if call.method == "DELETE" {
      try api.records.delete(resource, id: id, at: api.clock())
    } else {
      try api.records.update(
        resource, id: id, with: try call.objectBody(), at: api.clock(), checked: false)
    }
    return .json(.object(["id": .integer(id)]))
  }

  private func resource(_ call: APICall) throws(APIError) -> Resource {
    guard let resource = Resource(pathSegment: call.segments[1]) else {
      throw .notFound("unknown resource \(call.segments[1])")
    }
    return resource
  }

  private func recordId(_ call: APICall) throws(APIError) -> Int {
    guard let id = Int(call.segments[2]) else {
      throw .notFound("\(call.segments[2]) is not a record id")
    }
    return id
  }
}
