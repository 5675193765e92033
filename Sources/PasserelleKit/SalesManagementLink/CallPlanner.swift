import Foundation
import PasserelleManifest
import SalesManagementAPI

/// Decides the call each operation needs: create or update (from the id map, and
/// for an operation that may have reached SM already, from SM itself), delete, or
/// wait for a record it names.
struct CallPlanner {
  let outbox: Outbox
  let resolver: ReferenceResolver

  func plan(_ operation: OutboxOperation, known found: Int?) async throws -> PlannedCall {
    let body = try JSONValue(jsonBytes: operation.body)
    let guid = body["guid"]?.string ?? "passerelle-\(operation.seq)"
    var call = PlannedCall(operation: operation, guid: guid, kind: .nothing)
    let id = try operation.smId ?? idMap(found, operation)
    switch operation.action {
    case "markDeleted":
      call.kind = id.map { .delete(id: $0) } ?? .nothing
    case "deactivate":
      call.kind = id.map { .update(id: $0, .object(["isActive": .bool(false)])) } ?? .nothing
    case "assignExtId":
      call.kind =
        id.map { .update(id: $0, .object(["extId": .string(operation.extId)])) } ?? .nothing
    default:
      return try await planUpsert(call, body: body, id: id)
    }
    return call
  }

  private func idMap(_ found: Int?, _ operation: OutboxOperation) throws -> Int? {
    try found ?? outbox.smId(resource: operation.resource, extId: operation.extId)
  }

  private func planUpsert(_ call: PlannedCall, body: JSONValue, id: Int?) async throws
    -> PlannedCall
  {
    var call = call
    let data = body["data"] ?? .object([:])
    switch try await resolver.resolve(
      data, resource: call.operation.resource, creating: id == nil)
    {
    case .held(let reason):
      call.kind = .held(reason)
      return call
    case .ready(let resolved):
      call.kind = id.map { .update(id: $0, resolved) } ?? .create(resolved)
    }
    if call.operation.resource == "salesorders", case .array(let lines)? = body["lines"] {
      var resolvedLines: [JSONValue] = []
      for line in lines where line["comment"] != .bool(true) {
        switch try await resolver.resolve(line, resource: "salesOrdersLines", creating: false) {
        case .held(let reason):
          call.kind = .held(reason)
          return call
        case .ready(let resolved): resolvedLines.append(Self.lineFields(resolved))
        }
      }
      call.lines = resolvedLines
    }
    return call
  }

  /// The fields of a quote line SM knows, and its extras (`Z_` custom fields, such
  /// as the line's VAT category).
  private static func lineFields(_ line: JSONValue) -> JSONValue {
    guard case .object(let members) = line else { return line }
    let kept = ["productId", "quantity", "price", "description", "order", "discount1", "total"]
    return .object(members.filter { kept.contains($0.key) || $0.key.hasPrefix("Z_") })
  }
}
