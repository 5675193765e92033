import Foundation
import GRDB
import PasserelleCore

/// Writes SM's answers into the outbox inside one transaction, with prepared
/// statements reused for every answer of a slice.
struct OutboxLedger {
  private let db: Database
  private let time: String
  private let find: Statement
  private let deliver: Statement
  private let learn: Statement
  private let prune: Statement
  private let refuse: Statement
  private let hold: Statement
  private let forgetSent: Statement
  private let countRejected: Statement

  init(db: Database, at date: Date) throws {
    self.db = db
    time = Timestamp.iso(date)
    find = try db.makeStatement(sql: "SELECT batch, resource, extId FROM delivery WHERE seq = ?")
    deliver = try db.makeStatement(
      sql: """
        UPDATE delivery SET state = 'delivered', smId = coalesce(?, smId), message = NULL,
          field = NULL, heldFor = NULL, updatedAt = ? WHERE seq = ?
        """)
    learn = try db.makeStatement(
      sql: "UPDATE record SET smId = ? WHERE resource = ? AND code = ? AND smId IS NOT ?")
    // A delivery supersedes every earlier answer of its record. A refusal does not:
    // the last delivery stays, as what SM holds of ours (for echoes).
    prune = try db.makeStatement(
      sql: """
        DELETE FROM delivery WHERE resource = ? AND extId = ? AND seq < ?
          AND state IN ('delivered', 'refused')
        """)
    refuse = try db.makeStatement(
      sql: """
        UPDATE delivery SET state = 'refused', message = ?, field = ?, heldFor = NULL,
          updatedAt = ? WHERE seq = ?
        """)
    // A refused record is mapped and sent again with its next export, even unchanged.
    forgetSent = try db.makeStatement(
      sql: """
        UPDATE record SET fingerprint = NULL, rowFingerprint = NULL
        WHERE resource = ? AND code = ?
        """)
    // `rejects` and `status` count it with the batch's other rejected rows.
    countRejected = try db.makeStatement(
      sql: "UPDATE batch SET rowsRejected = rowsRejected + 1 WHERE id = ?")
    hold = try db.makeStatement(
      sql: "UPDATE delivery SET state = 'waiting', heldFor = ?, updatedAt = ? WHERE seq = ?")
  }

  func apply(_ outcome: OutboxOutcome) throws -> OutboxRefusal? {
    switch outcome {
    case .delivered(let seq, let smId):
      guard let row = try Row.fetchOne(find, arguments: [seq]) else { return nil }
      let resource: String = row[1]
      let extId: String = row[2]
      try deliver.execute(arguments: [smId, time, seq])
      if let smId { try learn.execute(arguments: [smId, resource, extId, smId]) }
      try prune.execute(arguments: [resource, extId, seq])
      return nil
    case .refused(let seq, let message, let field):
      guard let row = try Row.fetchOne(find, arguments: [seq]) else { return nil }
      try refuse.execute(arguments: [message, field, time, seq])
      try forgetSent.execute(arguments: [row[1], row[2]])
      try countRejected.execute(arguments: [row[0]])
      return OutboxRefusal(
        batch: row[0], resource: row[1], extId: row[2], message: message, field: field)
    case .held(let seq, let reason):
      try hold.execute(arguments: [reason, time, seq])
      return nil
    }
  }
}
