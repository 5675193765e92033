/// SM's answer for one item of a bulk call.
package struct SalesManagementBulkAnswer: Sendable, Equatable {
  /// The item's guid, as sent.
  package let guid: String
  /// SM's id of the record created or updated; nil when SM refused the item.
  package let id: Int?
  /// 200 or 201 when done, a 4xx when SM refused the item; 0 when SM's answer left the
  /// item out, so that whether it was applied is unknown.
  package let code: Int
  /// SM's message, mostly for a refused item.
  package let message: String?

  /// An answer as SM gave it.
  package init(guid: String, id: Int?, code: Int, message: String?) {
    self.guid = guid
    self.id = id
    self.code = code
    self.message = message
  }

  /// Whether SM applied the item.
  package var succeeded: Bool { (200..<300).contains(code) }

  /// Whether SM's answer left the item out: it may or may not have been applied.
  package var isUnknown: Bool { code == 0 }

  /// The field SM's message names, as in `"name is required"`.
  package var field: String? { message.flatMap(RefusalMessage.field(in:)) }
}
