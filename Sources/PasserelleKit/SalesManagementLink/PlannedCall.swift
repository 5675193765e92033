import PasserelleManifest
import RecordMatching
import SalesManagementAPI

/// What one outbox operation becomes at SM.
struct PlannedCall {
  enum Kind {
    case create(JSONValue)
    case update(id: Int, JSONValue)
    /// Take over an SM record typed by hand: an update that gives it Sage's code.
    case adopt(id: Int, JSONValue, evidence: [MatchEvidence])
    case delete(id: Int)
    /// Nothing to send (deleting what SM never had): done as it stands.
    case nothing
    case held(String)
  }

  var operation: OutboxOperation
  var guid: String
  var kind: Kind
  /// The record's data as the payload holds it (Sage's codes, not SM's ids).
  var data: JSONValue = .null
  /// A quote's lines, SM's ids resolved: they replace the quote's lines once it is written.
  var lines: [JSONValue]? = nil

  var sends: Bool {
    switch kind {
    case .create, .update, .adopt, .delete: return true
    case .nothing, .held: return false
    }
  }

  /// The SM id and body of an update (an adoption is one).
  var update: (id: Int, data: JSONValue)? {
    switch kind {
    case .update(let id, let data), .adopt(let id, let data, _): (id, data)
    default: nil
    }
  }
}
