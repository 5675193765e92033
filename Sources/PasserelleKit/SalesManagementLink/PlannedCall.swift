import PasserelleManifest
import SalesManagementAPI

/// What one outbox operation becomes at SM.
struct PlannedCall {
  enum Kind {
    case create(JSONValue)
    case update(id: Int, JSONValue)
    case delete(id: Int)
    /// Nothing to send (deleting what SM never had): done as it stands.
    case nothing
    case held(String)
  }

  var operation: OutboxOperation
  var guid: String
  var kind: Kind
  /// A quote's lines, SM's ids resolved: they replace the quote's lines once it is written.
  var lines: [JSONValue]? = nil

  var sends: Bool {
    switch kind {
    case .create, .update, .delete: return true
    case .nothing, .held: return false
    }
  }
}
