/// What an API call asks for, read from its method and path.
enum APIRoute: Sendable {
  case list(Resource)
  case read(Resource, id: Int)
  case create(Resource)
  case update(Resource, id: Int)
  case delete(Resource, id: Int)
  case bulkCreate(Resource)
  case bulkUpdate(Resource)

  /// The route of `method` on the segments after `/api/v4`, or why there is none.
  init(method: String, segments: [String]) throws(APIError) {
    guard let name = segments.first, let resource = Resource(pathSegment: name) else {
      throw .notFound("unknown resource \(segments.first ?? "(none)")")
    }
    switch (segments.count, method) {
    case (1, "GET"): self = .list(resource)
    case (1, "POST"): self = .create(resource)
    case (2, "POST") where segments[1] == "bulk": self = .bulkCreate(resource)
    case (2, "PUT") where segments[1] == "bulk": self = .bulkUpdate(resource)
    case (2, _) where segments[1] != "bulk":
      guard let id = Int(segments[1]) else {
        throw .notFound("\(segments[1]) is not a record id")
      }
      self = try Self.single(method, resource, id)
    case (1...2, _): throw APIError(status: 405, message: "\(method) is not allowed here")
    default: throw .notFound("no such path")
    }
  }

  private static func single(_ method: String, _ resource: Resource, _ id: Int) throws(APIError)
    -> APIRoute
  {
    switch method {
    case "GET": return .read(resource, id: id)
    case "PUT": return .update(resource, id: id)
    case "DELETE": return .delete(resource, id: id)
    default: throw APIError(status: 405, message: "\(method) is not allowed on a record")
    }
  }

  /// Whether the call changes records: a dropped write may have been applied.
  var isWrite: Bool {
    switch self {
    case .list, .read: return false
    case .create, .update, .delete, .bulkCreate, .bulkUpdate: return true
    }
  }
}
