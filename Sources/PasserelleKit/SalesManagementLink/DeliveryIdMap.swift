import PasserelleManifest

/// SM's ids of Sage records for one delivery: the manifest's id map and, in a
/// preview, the ids the preview pretends SM gave to what it would create, so that
/// what names those records plans as the delivery would.
final class DeliveryIdMap: Sendable {
  let outbox: Outbox
  let preview: PreviewBook?

  init(outbox: Outbox, preview: PreviewBook? = nil) {
    self.outbox = outbox
    self.preview = preview
  }

  func smId(resource: String, extId: String) throws -> Int? {
    if let id = try outbox.smId(resource: resource, extId: extId) { return id }
    return try preview?.smId(resource: resource, extId: extId)
  }

  /// Ids a preview pretends SM gave are negative: SM is never asked about them.
  static func isPretended(_ id: Int) -> Bool { id < 0 }
}
