import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput

/// The end of a keyed export: the records it no longer lists are deleted in SM
/// (users deactivated), unless there are so many that the export is more likely
/// incomplete than the records gone (the mass-deletion guard, `docs/sync-rules.md`).
struct DeletionPass {
  /// What was deleted: records of the export's own kind, and main contacts.
  struct Deleted {
    /// Records of the export's kind it no longer lists.
    var missing = 0
    /// Deletions written for them.
    var records = 0
    /// Deletions written for main contacts.
    var companions = 0
  }

  let plan: EntityPlan
  let settings: Settings
  /// Of the export, named in the guard's message to confirm it.
  let sha256: String
  let allowMassDeletion: Bool

  func run(on batch: KeyedBatch) throws -> Deleted {
    let entity = plan.entity
    let (missing, known) = try batch.staging.deletionCandidates()
    try guardDeletions(missing: missing, known: known, of: Message(entity.pluralNoun))
    var missingCompanions = 0
    if let companions = batch.companions {
      // A customers export whose contact columns came out empty must not wipe the
      // main contacts either. The guard (see above) spares nothing when every
      // company row was staged with a fingerprint: the count then needs no query.
      let (missing, known) =
        batch.staging.stagedWithoutFingerprint == 0
        ? try companions.staging.deletionCandidates() : try companions.staging.deletionCount()
      try guardDeletions(
        missing: missing, known: known,
        of: Message(.mainContactsOf, ["records": .message(Message(entity.pluralNoun))]))
      missingCompanions = missing
    }
    var deleted = Deleted(missing: missing)
    if missing > 0 { deleted.records = try deleteRecords(of: batch) }
    if let companions = batch.companions, missingCompanions > 0 {
      deleted.companions = try deleteCompanions(companions)
    }
    return deleted
  }

  private func guardDeletions(missing: Int, known: Int, of what: Message) throws {
    guard
      missing > 0 && Double(missing) > settings.massDeletionShare * Double(known)
        && !allowMassDeletion
    else { return }
    let share = Int((Double(missing) * 100 / Double(known)).rounded())
    throw FileRejection(
      .massDeletionGuard, .massDeletion,
      [
        "missing": .number(missing), "known": .number(known), "records": .message(what),
        "share": .number(share), "allowed": .number(Int(settings.massDeletionShare * 100)),
        "sha256": .text(sha256),
      ])
  }

  private func deleteRecords(of batch: KeyedBatch) throws -> Int {
    let resource = plan.entity.resource
    let removalData: [UInt8]? =
      plan.removal == .deactivate ? Array("{\"isActive\": false}".utf8) : nil
    var count = 0
    try batch.staging.forEachDeletion { code, fingerprint, smId in
      try batch.payload.writer.write(
        PayloadOperation(
          action: plan.removal,
          guid: Digest.guid([resource, code, plan.removal.rawValue], fingerprint: fingerprint),
          extId: code, id: smId, data: removalData))
      count += 1
    }
    return count
  }

  private func deleteCompanions(_ companions: CompanionContacts) throws -> Int {
    var count = 0
    try companions.staging.forEachDeletion { code, fingerprint, smId in
      try companions.openPayload().writer.write(
        PayloadOperation(
          action: .markDeleted,
          guid: Digest.guid(["contacts", code, "markDeleted"], fingerprint: fingerprint),
          extId: code, id: smId, data: nil))
      count += 1
    }
    return count
  }
}
