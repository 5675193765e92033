import Foundation
import PasserelleCore
import PasserelleManifest
import RecordMatching
import SalesManagementAPI

/// Decides the call each operation needs: create or update (from the id map, and
/// for an operation that may have reached SM already, from SM itself), adopt a
/// record SM holds already, delete, or wait for a record it names or for IT.
struct CallPlanner {
  let ids: DeliveryIdMap
  let resolver: ReferenceResolver
  let reconciler: RecordReconciler
  let language: ReportLanguage

  func plan(_ operation: OutboxOperation, known found: Int?) async throws -> PlannedCall {
    let body = try JSONValue(jsonBytes: operation.body)
    let guid = body["guid"]?.string ?? "passerelle-\(operation.seq)"
    var call = PlannedCall(
      operation: operation, guid: guid, kind: .nothing, data: body["data"] ?? .object([:]))
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
    try found ?? ids.smId(resource: operation.resource, extId: operation.extId)
  }

  private func planUpsert(_ call: PlannedCall, body: JSONValue, id: Int?) async throws
    -> PlannedCall
  {
    var call = call
    let data = body["data"] ?? .object([:])
    if id == nil, let decided = try await matched(call, data) { return decided }
    switch try await resolver.resolve(
      data, resource: call.operation.resource, creating: id == nil)
    {
    case .held(let reason):
      call.kind = .held(reason)
      return call
    case .ready(let resolved):
      if let id {
        let adopted = try reconciler.wasAdopted(
          resource: call.operation.resource, code: call.operation.extId)
        call.kind = .update(id: id, adopted ? Self.withoutReps(resolved) : resolved)
      } else {
        call.kind = .create(resolved)
      }
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

  /// Before a first create: the call when SM may hold the record already (adopt,
  /// held for IT, or left out by IT's choice); nil to create it.
  private func matched(_ call: PlannedCall, _ data: JSONValue) async throws -> PlannedCall? {
    let resource = call.operation.resource
    guard MatchableResource(rawValue: resource) != nil else { return nil }
    var call = call
    guard
      case .ready(let resolved) = try await resolver.resolve(
        data, resource: resource, creating: false)
    else { return nil }
    switch try await reconciler.verdict(
      resource: resource, code: call.operation.extId, data: resolved)
    {
    case .create: return nil
    case .ignore: call.kind = .nothing
    case .adopt(let smId, let evidence):
      call.kind = .adopt(
        id: smId, Self.adoption(resolved, code: call.operation.extId), evidence: evidence)
    case .hold(let reason): call.kind = .held(reason.text(in: language))
    }
    return call
  }

  /// What an adopted record gets: Sage's code and the values Sage holds, but not
  /// Sage's rep (the record keeps the rep who typed it and works it), and nothing
  /// Sage leaves blank (what the rep typed there stays).
  static func adoption(_ data: JSONValue, code: String) -> JSONValue {
    guard case .object(var members) = withoutReps(data) else { return data }
    members = members.filter { _, value in value != .null && value != .string("") }
    members["extId"] = .string(code)
    return .object(members)
  }

  /// The record's data without its reps: an adopted record's stay SM's.
  static func withoutReps(_ data: JSONValue) -> JSONValue {
    guard case .object(var members) = data else { return data }
    for key in members.keys where key.hasPrefix("salesRepId") { members[key] = nil }
    return .object(members)
  }

  /// The fields of a quote line SM knows, and its extras (`Z_` custom fields, such
  /// as the line's VAT category).
  private static func lineFields(_ line: JSONValue) -> JSONValue {
    guard case .object(let members) = line else { return line }
    let kept = ["productId", "quantity", "price", "description", "order", "discount1", "total"]
    return .object(members.filter { kept.contains($0.key) || $0.key.hasPrefix("Z_") })
  }
}
