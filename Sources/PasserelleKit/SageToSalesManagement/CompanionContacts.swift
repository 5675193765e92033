import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import SageToSalesManagement

/// The main contacts company rows carry (customers, prospects): staged as SM
/// contacts of their own, written to a `contacts` payload opened at the first one.
final class CompanionContacts {
  typealias PreparedRow = ExportConversion.PreparedRow

  let staging: RecordStaging
  private let outputs: ConversionOutputs
  /// The export's entity, named in the payload's source.
  private let entity: String
  private let adminUserId: Int?
  private(set) var payload: PayloadFile? = nil

  init(
    kind: String, db: ManifestTransaction, outputs: ConversionOutputs, entity: String,
    adminUserId: Int?
  ) throws {
    staging = try RecordStaging(
      db: db, resource: "contacts", kind: kind, owner: "shared", batch: outputs.batch,
      table: "stagedCompanion", findsMissing: true)
    // The main contact of a company row that was rejected is not deleted: the
    // row may well still name it (derived ids end in "." and 8 hex digits).
    staging.deletionGuard = """
      AND substr(code, 1, length(code) - 9) NOT IN
        (SELECT code FROM temp.stagedKey WHERE fingerprint IS NULL)
      """
    self.outputs = outputs
    self.entity = entity
    self.adminUserId = adminUserId
  }

  /// The payload, opened on first use.
  func openPayload() throws -> PayloadFile {
    if let payload { return payload }
    let opened = try outputs.payload(resource: "contacts", entity: entity)
    payload = opened
    return opened
  }

  /// Takes each companion's data out of `record`: it is written once, here.
  /// Returns the first operation written, for the company row's staging.
  func consume(
    _ prepared: PreparedRow, record: inout MappedRecord, companyId: Int?, report: ReportFile
  ) throws -> Int? {
    var firstOperation: Int? = nil
    for index in record.companions.indices {
      // Taken out, not copied: the data grows below, and a second reference to
      // its buffer would have it copied whole first.
      var data = JSONObject.absent
      swap(&data, &record.companions[index].data)
      // Back in the row once written, the buffer is freed with it, where it was made.
      defer { swap(&data, &record.companions[index].data) }
      let companion = record.companions[index]
      for issue in companion.issues { try report.note(issue) }
      if companion.isRejected { continue }
      let operation = try write(
        companion, data: &data, digest: prepared.companionDigests[index], line: prepared.line,
        companyId: companyId, companySalesRep: record.salesRep)
      firstOperation = firstOperation ?? operation
    }
    return firstOperation
  }

  /// Stages the main contacts of a recognised row (`UnchangedRows`), each as the
  /// manifest holds it: unchanged, as `write` stages one whose fingerprint is the
  /// one last sent.
  func stageUnchanged(_ contacts: [(code: String, record: KnownRecord)], line: Int) throws {
    for (code, known) in contacts where !known.isOwnedByContactsExport {
      _ = try staging.stage(
        code: code, line: line, operation: nil, fingerprint: known.fingerprint, known: known)
    }
  }

  /// Stages one companion and writes its upsert when it changed; its operation, or nil.
  private func write(
    _ companion: MappedRecord, data: inout JSONObject,
    digest: (fingerprint: Fingerprint?, guid: String),
    line: Int, companyId: Int?, companySalesRep: SalesRepReference
  ) throws -> Int? {
    let known = try staging.known(companion.key)
    if let known, known.isOwnedByContactsExport { return nil }
    let unchanged =
      known.map {
        !$0.deleted && $0.fingerprint == digest.fingerprint && $0.kind == staging.kind
      } ?? false
    // Opened for a contact to write only: an unchanged export opens none.
    let opened = unchanged ? nil : try openPayload()
    let operation = opened?.writer.operationCount
    // A repeat is the same person named by a duplicated company code: the
    // company rows are rejected, which withdraws this contact too.
    guard
      try staging.stage(
        code: companion.key, line: line, operation: operation,
        fingerprint: digest.fingerprint, known: known, fields: companion.sharedFields) == nil,
      let opened, let operation
    else { return nil }
    if let companyId { data.integer(named: "accountId", companyId) }
    // SM needs a rep on a new contact: the company's, else the admin at creation.
    if case .mapped(let rep) = companySalesRep {
      data.integer(named: "salesRepId", rep)
    } else if let admin = SalesRepAssignment.adminUserId(
      for: .none, isNewInSalesManagement: known == nil, salesRepKnownEmpty: false,
      adminUserId: adminUserId)
    {
      data.integer(named: "salesRepId", admin)
    }
    try opened.writer.write(
      PayloadOperation(
        action: .upsert, guid: digest.guid, extId: companion.key, id: known?.smId,
        data: data.close()))
    return operation
  }

  /// Withdraws an operation written for a company row that turned out duplicated.
  func withdraw(operation: Int) throws {
    guard let payload else { return }
    payload.removed.insert(operation)
    try staging.withdraw(operation: operation)
  }
}
