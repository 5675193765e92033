import Foundation
import PasserelleManifest
import SalesManagementAPI

extension OutboxDelivery {
  /// Sends a slice's calls: its creates and its updates as one bulk call each, its
  /// deletions one by one; then a written quote's lines. Operations whose answer
  /// does not come back get no outcome: they stay marked as sent.
  func send(_ calls: [PlannedCall]) async throws -> [OutboxOutcome] {
    let resource = calls.first?.operation.resource ?? ""
    var outcomes: [OutboxOutcome] = []
    let creates = calls.compactMap { call -> SalesManagementBulkItem? in
      guard case .create(let data) = call.kind else { return nil }
      return SalesManagementBulkItem(guid: call.guid, id: nil, data: data)
    }
    let updates = calls.compactMap { call -> SalesManagementBulkItem? in
      call.update.map { SalesManagementBulkItem(guid: call.guid, id: $0.id, data: $0.data) }
    }
    if !creates.isEmpty {
      outcomes += try await bulk(resource, creates, calls, creating: true)
    }
    if !updates.isEmpty {
      outcomes += try await bulk(resource, updates, calls, creating: false)
    }
    for call in calls {
      guard case .delete(let id) = call.kind else { continue }
      outcomes.append(try await delete(resource, id: id, seq: call.operation.seq))
    }
    return try await withLines(outcomes, calls: calls)
  }

  private func bulk(
    _ resource: String, _ items: [SalesManagementBulkItem], _ calls: [PlannedCall], creating: Bool
  ) async throws -> [OutboxOutcome] {
    let byGuid = Dictionary(calls.map { ($0.guid, $0) }, uniquingKeysWith: { first, _ in first })
    do {
      let answers =
        creating
        ? try await client.bulkCreate(resource, items)
        : try await client.bulkUpdate(resource, items)
      return answers.compactMap { answer in
        // Left out of SM's answer: stays marked as sent, looked up next time.
        guard let call = byGuid[answer.guid], !answer.isUnknown else { return nil }
        let seq = call.operation.seq
        guard answer.succeeded else {
          let message = answer.message ?? "HTTP \(answer.code)"
          return .refused(seq: seq, message: message, field: answer.field)
        }
        return .delivered(seq: seq, smId: answer.id ?? items.first { $0.guid == answer.guid }?.id)
      }
    } catch {
      guard case .refused(_, let message, let field) = error else { throw error }
      return items.compactMap { byGuid[$0.guid] }.map {
        .refused(seq: $0.operation.seq, message: message, field: field)
      }
    }
  }

  private func delete(_ resource: String, id: Int, seq: Int64) async throws -> OutboxOutcome {
    do {
      try await client.delete(resource, id: id)
      return .delivered(seq: seq, smId: id)
    } catch {
      guard case .refused(let status, let message, let field) = error else { throw error }
      // Gone already: what the deletion asked.
      if status == 404 { return .delivered(seq: seq, smId: id) }
      return .refused(seq: seq, message: message, field: field)
    }
  }

  /// Replaces the lines of each quote just written by the priced ones; a quote
  /// whose lines SM refuses is refused as a whole.
  private func withLines(_ outcomes: [OutboxOutcome], calls: [PlannedCall]) async throws
    -> [OutboxOutcome]
  {
    let bySeq = Dictionary(calls.map { ($0.operation.seq, $0) }, uniquingKeysWith: { a, _ in a })
    var result: [OutboxOutcome] = []
    for outcome in outcomes {
      guard case .delivered(let seq, let id?) = outcome, let lines = bySeq[seq]?.lines else {
        result.append(outcome)
        continue
      }
      do {
        try await replaceLines(of: id, with: lines)
        result.append(outcome)
      } catch {
        guard case .refused(_, let message, let field) = error else { throw error }
        result.append(.refused(seq: seq, message: message, field: field))
      }
    }
    return result
  }

  /// Deletes the quote's lines, then creates the given ones: sent again after a
  /// lost answer, it leaves the same lines.
  private func replaceLines(of order: Int, with lines: [JSONValue])
    async throws(SalesManagementError)
  {
    let resource = "salesOrdersLines"
    for line in try await client.listAll(resource, where: "salesOrderId=\(order)")
    where line["deleted"] != .bool(true) {
      if let id = line["id"]?.int { try await client.delete(resource, id: id) }
    }
    let items = lines.enumerated().map { index, line in
      var members: [String: JSONValue] = [:]
      if case .object(let fields) = line { members = fields }
      members["salesOrderId"] = .number(Double(order))
      return SalesManagementBulkItem(guid: "\(order)-\(index + 1)", id: nil, data: .object(members))
    }
    for start in stride(from: 0, to: items.count, by: Self.sliceSize) {
      let answers = try await client.bulkCreate(
        resource, Array(items[start..<min(start + Self.sliceSize, items.count)]))
      if let refused = answers.first(where: { !$0.succeeded }) {
        let message = "line \(refused.guid): \(refused.message ?? "HTTP \(refused.code)")"
        throw .refused(status: refused.code, message: message, field: refused.field)
      }
    }
  }

  /// Records the answers and the adoptions SM confirmed, writes refusals into their
  /// batches' reject reports and counts.
  func record(_ outcomes: [OutboxOutcome], calls: [PlannedCall]) throws {
    let refused = try outbox.record(outcomes, at: clock())
    try refusals.append(refused)
    let bySeq = Dictionary(calls.map { ($0.operation.seq, $0) }, uniquingKeysWith: { a, _ in a })
    var delivered: [PlannedCall] = []
    for outcome in outcomes {
      guard let call = bySeq[outcome.seq] else { continue }
      report.count(outcome, call: call)
      if case .delivered = outcome { delivered.append(call) }
    }
    try reconciler.confirmed(delivered)
  }
}
