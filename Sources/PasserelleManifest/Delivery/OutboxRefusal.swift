/// An operation SM refused, with what its batch's reject report needs.
package struct OutboxRefusal: Sendable {
  package var batch: String
  package var resource: String
  package var extId: String
  package var message: String
  package var field: String?
}
