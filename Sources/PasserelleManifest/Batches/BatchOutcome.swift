import PasserelleCore

/// What became of one dropped file.
public struct BatchOutcome: Sendable {
  public var batch: String
  public var file: String
  public var entity: String?
  public var state: BatchState
  public var counts = BatchCounts()
  public var reason: FileRejection?
  /// Final paths of the files the batch produced.
  public var outputs: [String] = []

  /// Exit code 1 of the contract: a file or a row was rejected.
  package init(batch: String, file: String, entity: String? = nil, state: BatchState) {
    self.batch = batch
    self.file = file
    self.entity = entity
    self.state = state
  }

  public var rejectedSomething: Bool { state == .rejected || counts.rejected > 0 }
}
