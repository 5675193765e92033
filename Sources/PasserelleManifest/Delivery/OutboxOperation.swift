import Foundation

/// One operation of a payload waiting for SM, as the outbox holds it.
package struct OutboxOperation: Sendable {
  /// Position in the outbox: the order of the payloads, then of their operations.
  package var seq: Int64
  package var batch: String
  package var resource: String
  /// `upsert`, `markDeleted`, `deactivate`, or `assignExtId` (a Sage code given to a
  /// record created in SM).
  package var action: String
  package var extId: String
  /// The operation object as the payload holds it (JSON).
  package var body: Data
  /// SM's id, when the payload or the allocation knew it.
  package var smId: Int?
  /// Sends already started: more than zero means SM may have received it.
  package var attempts: Int
}
