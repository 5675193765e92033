import Foundation
import Logging
import PasserelleCore
import PasserelleManifest
import SalesManagementAPI

/// Delivers the outbox: resource by resource in dependency order, each in payload
/// order, in slices of at most 200 operations sent as bulk calls.
///
/// Exactly once: a slice is marked as being sent, durably, before its calls; an
/// operation found so marked later (its answer was lost to a kill or a timeout)
/// is looked up in SM by `extId` before anything is created again.
///
/// A preview plans every call the same way, reading SM only, and records the
/// plan instead of sending it.
final class OutboxDelivery {
  static let sliceSize = SalesManagementClient.maxBulkItems

  let client: SalesManagementClient
  let outbox: Outbox
  private let planner: CallPlanner
  let refusals: RefusalReports
  let reconciler: RecordReconciler
  /// Set for `push --dry-run`: nothing is sent, marked or learnt.
  private let preview: PreviewRecorder?
  let clock: @Sendable () -> Date
  let logger: Logger
  var report = DeliveryReport()
  /// Records with an operation held in this delivery: their later ones wait too.
  private var heldKeys = Set<String>()

  init(
    client: SalesManagementClient, outbox: Outbox, planner: CallPlanner, refusals: RefusalReports,
    preview: PreviewRecorder? = nil, clock: @escaping @Sendable () -> Date, logger: Logger
  ) {
    self.client = client
    self.outbox = outbox
    self.planner = planner
    self.reconciler = planner.reconciler
    self.refusals = refusals
    self.preview = preview
    self.clock = clock
    self.logger = logger
  }

  func run() async throws -> DeliveryReport {
    for rank in DeliveryRank.resources.indices {
      var cursor: Int64 = 0
      while true {
        let slice = Self.distinctRecords(
          try outbox.waiting(rank: rank, after: cursor, limit: Self.sliceSize))
        guard let last = slice.last else { break }
        cursor = last.seq
        try await deliver(slice)
      }
    }
    return report
  }

  /// The slice up to the second operation of one record: that one must wait for
  /// the first's answer (a create, then an update with the id it gave).
  static func distinctRecords(_ slice: [OutboxOperation]) -> [OutboxOperation] {
    var seen = Set<String>()
    var distinct: [OutboxOperation] = []
    for operation in slice {
      guard seen.insert(operation.extId).inserted else { break }
      distinct.append(operation)
    }
    return distinct
  }

  private func deliver(_ slice: [OutboxOperation]) async throws {
    let found = try await lookUpLostAnswers(slice)
    var calls: [PlannedCall] = []
    for operation in slice {
      let key = operation.resource + "\u{0}" + operation.extId
      var call = try await planner.plan(operation, known: found[operation.extId])
      if heldKeys.contains(key) {
        call.kind = .held(Message(.heldBehindEarlierChange).text(in: refusals.language))
      }
      if case .held = call.kind { heldKeys.insert(key) }
      calls.append(call)
    }
    if let preview {
      return try preview.add(calls)
    }
    try outbox.markSending(calls.filter(\.sends).map(\.operation.seq), at: clock())
    var outcomes = calls.compactMap(Self.immediateOutcome)
    outcomes += try await send(calls)
    try record(outcomes, calls: calls)
  }

  /// SM's ids of the records this slice may have created already: operations
  /// marked as sent whose answer never came back, looked up by `extId`.
  private func lookUpLostAnswers(_ slice: [OutboxOperation]) async throws -> [String: Int] {
    let resource = slice.first?.resource ?? ""
    var unsure: [String] = []
    for operation in slice where operation.attempts > 0 && operation.smId == nil {
      if try outbox.smId(resource: resource, extId: operation.extId) == nil {
        unsure.append(operation.extId)
      }
    }
    var found: [String: Int] = [:]
    for start in stride(from: 0, to: unsure.count, by: 40) {
      let codes = Array(unsure[start..<min(start + 40, unsure.count)])
      for record in try await client.listAll(
        resource, where: SalesManagementFilter.extId(in: codes))
      {
        if let extId = record["extId"]?.string, let id = record["id"]?.int { found[extId] = id }
      }
    }
    if !found.isEmpty, preview == nil {
      try outbox.learn(resource: resource, ids: found.map { ($0.key, $0.value) })
      let message = Message(
        .foundAfterLostAnswer,
        ["count": .number(found.count), "resource": EntityName.value(resource)])
      logger.info("\(message.text(in: refusals.language))")
    }
    return found
  }

  private static func immediateOutcome(_ call: PlannedCall) -> OutboxOutcome? {
    switch call.kind {
    case .nothing: return .delivered(seq: call.operation.seq, smId: call.operation.smId)
    case .held(let reason): return .held(seq: call.operation.seq, reason: reason)
    default: return nil
    }
  }
}
