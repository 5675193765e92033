import Foundation
import PasserelleCore

/// What becomes of one row of a keyed export, once its references and picture
/// are checked against the manifest.
struct RowDecision {
  var status = KeyedBatch.RowStatus.rejected
  /// Of the record's data; nil when a reference is unknown (the row is rejected).
  var fingerprint: Fingerprint?
  /// SM ids of the records it points to, by SM field (`accountId`).
  var referenceIds: [(String, Int)] = []
  /// Unknown references and picture warnings, reported after the row's own issues.
  var issues: [RowIssue] = []
  var picture: PictureDelivery.Found? = nil
}
