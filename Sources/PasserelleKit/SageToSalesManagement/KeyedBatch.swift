import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement

/// One keyed export's conversion on the manifest's thread: each prepared row is
/// decided in file order (`consume`), staged in the manifest and, when new or
/// changed, written to the payload.
final class KeyedBatch {
  typealias PreparedRow = ExportConversion.PreparedRow

  enum RowStatus {
    case emitted, unchanged, rejected
  }

  let plan: EntityPlan
  let settings: Settings
  let db: ManifestTransaction
  let staging: RecordStaging
  let payload: PayloadFile
  let report: ReportFile
  let companions: CompanionContacts?
  /// The user map is small: loaded once, it lets mapping run off this thread.
  let userIds: [String: Int]
  let references: ReferenceLookup
  let pictures: PictureDelivery?
  /// Contacts SM may know by another key than the export's (see `salesManagementKey`).
  let mayBeKnownByAnotherKey: Bool
  private let duplicates: DuplicateKeyPolicy
  var counts = BatchCounts()
  /// Keys of rejected rows, so that a later duplicate of one is counted once.
  private var rejectedKeys = Set<String>()

  init(plan: EntityPlan, settings: Settings, outputs: ConversionOutputs, db: ManifestTransaction)
    throws
  {
    let entity = plan.entity
    self.plan = plan
    self.settings = settings
    self.db = db
    staging = try RecordStaging(
      db: db, resource: entity.resource, kind: plan.kind, owner: plan.owner, batch: outputs.batch,
      findsMissing: true)
    payload = try outputs.payload(resource: entity.resource, entity: entity.rawValue)
    report = ReportFile(outputs: outputs)
    companions = try plan.companionKind.map {
      try CompanionContacts(
        kind: $0, db: db, outputs: outputs, entity: entity.rawValue,
        adminUserId: settings.tables.adminUserId)
    }
    userIds = try RecordStaging.userIds(in: db)
    references = try ReferenceLookup(db: db)
    mayBeKnownByAnotherKey =
      try entity == .contacts && db.hasAllocatedCodes(resource: "contacts")
    pictures =
      entity == .articles
      ? PictureDelivery(
        folders: settings.pictureFolders, payloadFolder: outputs.payloadFolder,
        batch: outputs.batch) : nil
    duplicates = DuplicateKeyPolicy(message: .duplicateCode, field: plan.keyLabel.label)
  }

  func consume(_ prepared: inout PreparedRow) throws {
    counts.read += 1
    if let lastSent = prepared.lastSent {
      return try consumeRecognised(lastSent, line: prepared.line)
    }
    // Taken out, not copied: a row's values are used once, here.
    var record = MappedRecord(key: "", data: .absent, salesRep: .none, issues: [])
    swap(&record, &prepared.record)
    // Put back once used, so that it is freed with its block, on the thread that made it.
    defer { swap(&record, &prepared.record) }
    if record.key.isEmpty {
      counts.rejected += 1
      for issue in record.issues { try report.note(issue) }
      return
    }
    try adoptKeyKnownToSalesManagement(&record, &prepared)
    let known = try staging.known(record.key)
    let decision = try decide(record, prepared: prepared, known: known)
    if try isProspectOfACustomer(record, line: prepared.line, known: known, decision: decision) {
      return
    }
    var matchedId: Int? = nil
    if plan.entity == .representatives, known?.smId == nil, !record.email.isEmpty {
      matchedId = settings.tables.userIdsByEmail[record.email]
    }
    let operation = decision.status == .emitted ? payload.writer.operationCount : nil
    // The main contact goes first, so that the company row's staging can name
    // its operation (to withdraw it if the company turns out duplicated).
    let companionOperation =
      decision.status == .rejected
      ? nil
      : try companions?.consume(
        prepared, record: &record, companyId: known?.smId, report: report)
    guard
      try stage(
        record, prepared: prepared, known: known, decision: decision, operation: operation,
        matchedId: matchedId, companionOperation: companionOperation)
    else { return }
    for issue in record.issues { try report.note(issue) }
    for issue in decision.issues { try report.note(issue) }
    switch decision.status {
    case .rejected:
      counts.rejected += 1
      rejectedKeys.insert(record.key)
    case .unchanged:
      counts.unchanged += 1
    case .emitted:
      try emit(&record, prepared: prepared, known: known, decision: decision, matchedId: matchedId)
    }
  }

  /// Stages the row's key; false when the file already held it, and the row was
  /// rejected with the first one by the duplicate-key policy.
  private func stage(
    _ record: MappedRecord, prepared: PreparedRow, known: KnownRecord?, decision: RowDecision,
    operation: Int?, matchedId: Int?, companionOperation: Int?
  ) throws -> Bool {
    // Set only for rows without issues or references: never a rejected one.
    let rowFingerprint = prepared.rowFingerprint
    guard
      let repeated = try staging.stage(
        code: record.key, line: prepared.line, operation: operation,
        fingerprint: decision.fingerprint, known: known, smId: matchedId,
        picture: decision.picture.map { $0.sha256 + " " + $0.picture.stamp },
        companion: companionOperation, fields: record.sharedFields,
        rowFingerprint: rowFingerprint,
        companions: rowFingerprint == nil || record.companions.isEmpty
          ? nil : record.companions.map(\.key).joined(separator: "\n"))
    else { return true }
    try reject(
      repeated, key: record.key, line: prepared.line, companionOperation: companionOperation)
    return false
  }

  /// Rejects a row whose code the file held before, by the duplicate-key policy,
  /// with the main contacts written for it.
  func reject(
    _ repeated: RecordStaging.Repeat, key: String, line: Int, companionOperation: Int?
  ) throws {
    if let companionOperation { try companions?.withdraw(operation: companionOperation) }
    let firstRepeat = try duplicates.reject(
      key: key, line: line, repeated: repeated, firstWasRejected: rejectedKeys.contains(key),
      payload: payload, report: report, counts: &counts)
    if firstRepeat, let companion = repeated.firstCompanion {
      try companions?.withdraw(operation: companion)
    }
  }

  /// Writes the upsert of a new or changed row, with what is added after
  /// fingerprinting: SM ids of the records it points to, and the admin as rep at
  /// creation.
  private func emit(
    _ record: inout MappedRecord, prepared: PreparedRow, known: KnownRecord?,
    decision: RowDecision, matchedId: Int?
  ) throws {
    if case .unmapped(let code) = record.salesRep, !userIds.isEmpty {
      try report.note(
        RowIssue(
          line: prepared.line, key: record.key, field: CustomerColumn.representative.label,
          severity: .warning, code: .unmappedValue,
          message: Message(.representativeUnknownInSalesManagement),
          value: code))
    }
    var data = JSONObject.absent
    swap(&data, &record.data)
    appendAssignedIds(to: &data, record: record, known: known, decision: decision)
    var extra: [UInt8]? = nil
    if let picture = decision.picture, picture.sha256 != known?.pictureSHA256 {
      extra = try pictures!.deliver(picture)
    }
    try payload.writer.write(
      PayloadOperation(
        action: .upsert, guid: prepared.guid, extId: record.key, id: known?.smId ?? matchedId,
        data: data.close(), extra: extra))
    // The written bytes share the object's buffer: back in the row, it is freed with it.
    swap(&data, &record.data)
    counts.emitted += 1
  }

  /// Appended after fingerprinting: the admin is a creation-time decision and SM
  /// ids are not content, so an unchanged export stays unchanged.
  private func appendAssignedIds(
    to data: inout JSONObject, record: MappedRecord, known: KnownRecord?, decision: RowDecision
  ) {
    let resource = plan.entity.resource
    let adminUserId = settings.tables.adminUserId
    // A record marked deleted still exists in SM with its rep: only a code never
    // sent before is a creation.
    if resource == "accounts",
      let admin = SalesRepAssignment.adminUserId(
        for: record.salesRep, isNewInSalesManagement: known == nil,
        salesRepKnownEmpty: known?.salesRepKnownEmpty ?? false, adminUserId: adminUserId)
    {
      data.integer(named: "salesRepId1", admin)
    }
    for (field, id) in decision.referenceIds { data.integer(named: field, id) }
    if resource == "contacts",
      let admin = SalesRepAssignment.adminUserId(
        for: .none, isNewInSalesManagement: known == nil, salesRepKnownEmpty: false,
        adminUserId: adminUserId)
    {
      data.integer(named: "salesRepId", admin)
    }
  }

  /// Closes the payloads and the report and commits the staging; the outputs to publish.
  func finish(deletions: DeletionPass.Deleted) throws -> [BatchOutput] {
    counts.deletions = deletions.records
    counts.warnings = report.warnings
    var produced: [BatchOutput] = []
    if let output = try payload.finish() { produced.append(output) }
    if let output = try companions?.payload?.finish() { produced.append(output) }
    if let output = try report.finish() { produced.append(output) }
    try staging.commit(deletions: deletions.missing)
    try companions?.staging.commit(deletions: deletions.companions)
    return produced
  }
}
