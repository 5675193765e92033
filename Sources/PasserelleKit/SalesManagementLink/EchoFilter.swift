import Foundation
import PasserelleCore
import PasserelleManifest
import SalesManagementAPI

/// Recognises Passerelle's own writes when a pull brings them back: the record's
/// last change is no later than our last delivery to it (give or take the clocks'
/// disagreement), and SM holds every value we sent. Sage gets nothing for those.
struct EchoFilter {
  static let skew: TimeInterval = 5
  let outbox: Outbox

  func isEcho(_ record: JSONValue, resource: String, id: Int, version: String) throws -> Bool {
    guard let (body, at) = try outbox.lastDelivered(resource: resource, smId: id),
      let delivered = Timestamp.parse(at), let changed = Timestamp.parse(version),
      changed <= delivered.addingTimeInterval(Self.skew)
    else { return false }
    let operation = try JSONValue(jsonBytes: body)
    let sent: JSONValue =
      operation["action"]?.string == "assignExtId"
      ? .object(["extId": operation["extId"] ?? .null]) : operation["data"] ?? .object([:])
    guard case .object(let members) = sent else { return false }
    return members.allSatisfy { key, value in record[key].map { $0 == value } ?? true }
  }
}
