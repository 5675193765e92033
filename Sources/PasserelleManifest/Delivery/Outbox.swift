import Foundation
import GRDB
import PasserelleCore

/// The delivery outbox in the manifest: operations wait there from the commit of
/// their batch until SM answers them, in payload order, and are read a slice at a
/// time, so that delivering a large export never holds it in memory.
package final class Outbox: Sendable {
  let manifest: Manifest

  package init(manifest: Manifest) { self.manifest = manifest }

  /// Up to `limit` operations of one rank still to send, after `seq`, in order.
  package func waiting(rank: Int, after seq: Int64, limit: Int) throws -> [OutboxOperation] {
    try manifest.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT seq, batch, resource, action, extId, operation, smId, attempts FROM delivery
          WHERE rank = ? AND state IN ('waiting', 'sending') AND seq > ? ORDER BY seq LIMIT ?
          """, arguments: [rank, seq, limit]
      ).map {
        OutboxOperation(
          seq: $0[0], batch: $0[1], resource: $0[2], action: $0[3], extId: $0[4], body: $0[5],
          smId: $0[6], attempts: $0[7])
      }
    }
  }

  /// Whether anything waits for SM.
  package func hasWaiting() throws -> Bool {
    try manifest.read { db in
      try Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM delivery WHERE state IN ('waiting', 'sending'))")
        ?? false
    }
  }

  /// Records, durably and before the call, that these operations are being sent:
  /// if the answer is lost, the next delivery looks them up in SM first.
  package func markSending(_ seqs: [Int64], at date: Date) throws {
    guard !seqs.isEmpty else { return }
    try manifest.write { db in
      let statement = try db.makeStatement(
        sql: """
          UPDATE delivery SET state = 'sending', attempts = attempts + 1, heldFor = NULL,
            updatedAt = ? WHERE seq = ?
          """)
      for seq in seqs { try statement.execute(arguments: [Timestamp.iso(date), seq]) }
    }
  }

  /// Records SM's answers in one transaction; returns the refused operations, for
  /// their batches' reject reports.
  package func record(_ outcomes: [OutboxOutcome], at date: Date) throws -> [OutboxRefusal] {
    guard !outcomes.isEmpty else { return [] }
    return try manifest.write { db in
      var refusals: [OutboxRefusal] = []
      let ledger = try OutboxLedger(db: db, at: date)
      for outcome in outcomes {
        if let refusal = try ledger.apply(outcome) { refusals.append(refusal) }
      }
      return refusals
    }
  }

  /// SM's id for a record, from the id map: the manifest's records, then what
  /// deliveries learnt (by key: the index of SM ids would scan every delivered row).
  package func smId(resource: String, extId: String) throws -> Int? {
    // Asked for each operation and each reference it names: prepared once.
    try manifest.read { db in
      try Int.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT smId FROM record WHERE resource = ? AND code = ? AND smId IS NOT NULL
            UNION ALL
            SELECT smId FROM delivery INDEXED BY deliveryByKey
            WHERE resource = ? AND extId = ? AND state = 'delivered' AND smId IS NOT NULL
            LIMIT 1
            """), arguments: [resource, extId, resource, extId])
    }
  }

  /// Adds to the id map what a listing of SM showed: records of ours SM knows.
  package func learn(resource: String, ids: [(extId: String, smId: Int)]) throws {
    guard !ids.isEmpty else { return }
    try manifest.write { db in
      let statement = try db.makeStatement(
        sql: """
          UPDATE record SET smId = ? WHERE resource = ? AND code = ?
            AND (smId IS NULL OR smId <> ?)
          """)
      for (extId, smId) in ids {
        try statement.execute(arguments: [smId, resource, extId, smId])
      }
    }
  }

  /// The last operation delivered for SM's record `smId`, and when: what SM should
  /// hold of ours, to recognise our own write when a pull brings it back.
  package func lastDelivered(resource: String, smId: Int) throws -> (body: Data, at: String)? {
    try manifest.read { db in
      // Asked for each record a pull brings: prepared once.
      try Row.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT operation, updatedAt FROM delivery
            WHERE resource = ? AND smId = ? AND state = 'delivered' ORDER BY seq DESC LIMIT 1
            """), arguments: [resource, smId]
      ).map { ($0[0], $0[1]) }
    }
  }
}
