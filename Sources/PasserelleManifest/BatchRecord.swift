/// One row of the manifest's batch table.
package struct BatchRecord {
  package var id: String
  package var sourceName: String
  package var folder: String
  package var direction: String
  package var sha256: String?
  package var size: Int?
  package var entity: String?
  package var state: BatchState
  package var reasonCode: String?
  package var reasonMessage: String?
  package var claimedAt: String
  package var finishedAt: String?
  package var counts = BatchCounts()

  package init(
    id: String, sourceName: String, folder: String, direction: String, sha256: String? = nil,
    size: Int? = nil, entity: String? = nil, state: BatchState, reasonCode: String? = nil,
    reasonMessage: String? = nil, claimedAt: String, finishedAt: String? = nil,
    counts: BatchCounts = BatchCounts()
  ) {
    self.id = id
    self.sourceName = sourceName
    self.folder = folder
    self.direction = direction
    self.sha256 = sha256
    self.size = size
    self.entity = entity
    self.state = state
    self.reasonCode = reasonCode
    self.reasonMessage = reasonMessage
    self.claimedAt = claimedAt
    self.finishedAt = finishedAt
    self.counts = counts
  }
}
