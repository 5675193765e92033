import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement

/// The steps of a row's decision, in the order `consume` takes them.
extension KeyedBatch {
  /// A row recognised as exported before unchanged (`UnchangedRows`): nothing was
  /// mapped, so nothing is left to decide. Its main contacts, then its record, are
  /// staged as unchanged with what the manifest holds of them, as a mapped row
  /// found unchanged would be. The mapping thread read them as this transaction
  /// sees them: the batch holds the write lock and changes records only when it
  /// commits.
  func consumeRecognised(_ lastSent: UnchangedRows.LastSent, line: Int) throws {
    try companions?.stageUnchanged(lastSent.companions, line: line)
    // Recognised by its row fingerprint: the record's is the row's.
    let record = lastSent.record
    if let repeated = try staging.stage(
      code: lastSent.code, line: line, operation: nil, fingerprint: record.fingerprint,
      known: record, rowFingerprint: record.rowFingerprint,
      companions: lastSent.companions.isEmpty ? nil : record.companions)
    {
      return try reject(repeated, key: lastSent.code, line: line, companionOperation: nil)
    }
    counts.unchanged += 1
  }

  /// Sage lists a contact SM created, or a main contact SM changed, under a key of
  /// its own; or the row is the main contact of a company row: SM keeps the key
  /// it has, and the record is fingerprinted again under it.
  func adoptKeyKnownToSalesManagement(_ record: inout MappedRecord, _ prepared: inout PreparedRow)
    throws
  {
    guard prepared.fingerprint != nil else { return }
    var adopted: String? = nil
    if mayBeKnownByAnotherKey,
      let key = try SharedRecordBook.salesManagementKey(ofContact: record.key, in: db),
      key != record.key
    {
      adopted = key
      record.alternateKey = nil
    } else if let alternate = record.alternateKey, alternate != record.key,
      let main = try staging.known(alternate),
      main.kind.hasSuffix("-contact") || main.kind == plan.kind, !main.deleted
    {
      // The company row's main contact and this row are one person: SM keeps the
      // contact it already has, now owned by the contacts export, which also
      // gives it its Sage code (and keeps it under that id in later exports).
      adopted = alternate
    }
    guard let adopted else { return }
    record.data = ContactRecordBuilder.rekeyed(record.data, from: record.key, to: adopted)
    record.key = adopted
    let digest = Digest.upsert(record.data)
    prepared.fingerprint = digest.fingerprint
    prepared.guid = digest.guid
    prepared.rowFingerprint = nil
  }

  /// Checks the row's references and picture, and compares it with what was last sent.
  func decide(_ record: MappedRecord, prepared: PreparedRow, known: KnownRecord?) throws
    -> RowDecision
  {
    var decision = RowDecision(fingerprint: prepared.fingerprint)
    guard decision.fingerprint != nil else { return decision }
    try resolveReferences(record, line: prepared.line, into: &decision)
    guard let print = decision.fingerprint else { return decision }
    if let source = record.picture, let pictures {
      switch try pictures.find(source, known: known) {
      case .found(let found): decision.picture = found
      case .none: break
      case .problem(let code, let message, let value):
        decision.issues.append(
          RowIssue(
            line: prepared.line, key: record.key, field: ArticleColumn.picture.label,
            severity: .warning, code: code, message: message, value: value))
      }
    }
    let pictureChanged = decision.picture.map { $0.sha256 != known?.pictureSHA256 } ?? false
    let unchanged =
      !pictureChanged
      && (known.map { !$0.deleted && $0.fingerprint == print && $0.kind == plan.kind } ?? false)
    decision.status = unchanged ? .unchanged : .emitted
    return decision
  }

  /// SM's ids of the records the row points to; an unknown one rejects the row.
  private func resolveReferences(
    _ record: MappedRecord, line: Int, into decision: inout RowDecision
  )
    throws
  {
    for reference in record.references {
      switch try references.find(resource: reference.resource, code: reference.code) {
      case .known(let smId?): decision.referenceIds.append((reference.idField, smId))
      case .known(nil): break
      case .unknown:
        decision.issues.append(
          RowIssue(
            line: line, key: record.key, field: reference.field, severity: .error,
            code: .unknownReference,
            message: Message(.unknownReference, ["record": .message(Message(reference.noun))]),
            value: reference.code))
      }
    }
    if !decision.issues.isEmpty { decision.fingerprint = nil }
  }

  /// Sage made this prospect a customer: the prospects list no longer speaks for
  /// it. The row is staged as seen, with a warning.
  func isProspectOfACustomer(
    _ record: MappedRecord, line: Int, known: KnownRecord?, decision: RowDecision
  ) throws -> Bool {
    guard plan.entity == .prospects, let known, known.kind == CompanyKind.customer.rawValue,
      !known.deleted, decision.fingerprint != nil
    else { return false }
    try report.note(
      RowIssue(
        line: line, key: record.key, field: plan.keyLabel.label, severity: .warning,
        code: .readOnlyRecord,
        message: Message(.prospectIsCustomer),
        value: record.key))
    _ = try staging.stage(
      code: record.key, line: line, operation: nil, fingerprint: nil, known: known)
    counts.unchanged += 1
    return true
  }
}
