import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// Converts one full Sage export into a Sales Management payload and a reject
/// report, inside the batch's manifest transaction. Streams rows from the reader
/// to the payload; never holds the file, the records or the payload in memory.
struct ExportConversion {
  let path: String
  let facts: FileFacts
  let settings: Settings
  let outputs: ConversionOutputs
  let forcedEntity: SageEntity?
  let allowMassDeletion: Bool

  struct Result {
    /// What the file held: a Sage entity, or the SM resource of a file from SM.
    var entity: String
    var counts: BatchCounts
    var outputs: [BatchOutput]
  }

  /// A row mapped on a worker thread, waiting for its turn with the manifest.
  struct PreparedRow: Sendable {
    var line: Int
    var record: MappedRecord
    /// Of the serialised data; nil when the row is rejected.
    var fingerprint: Data?
    /// The upsert's deterministic id, computed off the manifest's thread.
    var guid: String
    /// Fingerprints and guids of the record's companions, in their order.
    var companionDigests: [(fingerprint: Data, guid: String)] = []
    /// Of the source row, kept when the row may be recognised next time.
    var rowFingerprint: Data? = nil
    /// Set when the row was recognised as unchanged and not mapped: the manifest's
    /// records of it and of its companions, as the mapping thread read them. The
    /// record and its companions then hold only their keys and the fingerprints
    /// last sent.
    var lastSent: UnchangedRows.LastSent? = nil

    /// A row recognised as unchanged.
    init(line: Int, lastSent: UnchangedRows.LastSent) {
      self.line = line
      record = MappedRecord(key: lastSent.code, data: [], salesRep: .none, issues: [])
      record.companions = lastSent.companions.map {
        MappedRecord(key: $0.code, data: [], salesRep: .none, issues: [])
      }
      fingerprint = lastSent.record.fingerprint
      guid = ""
      companionDigests = lastSent.companions.map { ($0.record.fingerprint ?? Data(), "") }
      rowFingerprint = lastSent.record.rowFingerprint
      self.lastSent = lastSent
    }

    init(
      line: Int, record: MappedRecord, fingerprint: Data?, guid: String,
      companionDigests: [(fingerprint: Data, guid: String)] = []
    ) {
      self.line = line
      self.record = record
      self.fingerprint = fingerprint
      self.guid = guid
      self.companionDigests = companionDigests
    }
  }

  func run(in db: ManifestTransaction) throws -> Result {
    guard
      let labels = try HeaderPeek.labels(
        path: path, facts: facts, limits: settings.limits, xmlSample: .max)
    else { throw FileRejection(.emptyFile, "the file has no header line") }
    let header = Header(labels: labels)
    guard let entity = forcedEntity ?? EntityRecognizer.recognise(header) else {
      let shown = labels.prefix(6).joined(separator: ", ")
      throw FileRejection(
        .unknownEntity,
        "the header matches no known Sage 50 export (it starts with: \(shown))", line: 1)
    }
    if entity == .documents {
      return try DocumentConversion(
        path: path, facts: facts, settings: settings, outputs: outputs
      ).run(in: db)
    }
    let plan = EntityPlan.make(entity, header: header, tables: settings.tables)
    guard header.contains(plan.keyLabel) || entity == .contacts else {
      throw FileRejection(
        .unknownEntity, "the header has no \(plan.keyLabel.label) column", line: 1,
        field: plan.keyLabel.label)
    }
    return try KeyedConversion(
      plan: plan, path: path, facts: facts, settings: settings, outputs: outputs,
      allowMassDeletion: allowMassDeletion
    ).run(in: db)
  }
}

/// Where one batch writes: payload files per SM resource and the reject report,
/// each under a temporary name until the manifest commits.
struct ConversionOutputs {
  let batch: String
  let sourceName: String
  let sha256: String
  let payloadFolder: String
  let reportFolder: String
  let createdAt: Date

  var reportName: String { "\(batch)-\(OutputName.safe(sourceName)).rejects.csv" }
  var reportTemporary: String { "\(reportFolder)/.\(reportName).tmp" }
  var reportOutput: BatchOutput {
    BatchOutput(
      kind: "report", path: "\(reportFolder)/\(reportName)", temporaryPath: reportTemporary)
  }

  func payload(resource: String, entity: String) throws -> PayloadFile {
    let name = "\(batch)-\(resource).json"
    let temporary = "\(payloadFolder)/.\(name).tmp"
    let writer = try PayloadWriter(
      path: temporary,
      header: PayloadHeader(
        batch: batch, resource: resource, sourceFile: sourceName, sourceSHA256: sha256,
        sourceEntity: entity, createdAt: Timestamp.iso(createdAt)))
    return PayloadFile(
      writer: writer, temporary: temporary, final: "\(payloadFolder)/\(name)")
  }
}

/// One payload being written, and the operations to drop from it at the end.
final class PayloadFile {
  let writer: PayloadWriter
  let temporary: String
  let final: String
  var removed = Set<Int>()

  init(writer: PayloadWriter, temporary: String, final: String) {
    self.writer = writer
    self.temporary = temporary
    self.final = final
  }

  /// Closes the file; the output to publish, or nil when it holds no operation.
  func finish() throws -> BatchOutput? {
    try writer.close()
    var operations = writer.operationCount
    if !removed.isEmpty {
      let filtered = temporary + ".filtered"
      operations = try PayloadFilter.copy(temporary, to: filtered, skipping: removed)
      try FileSystem.rename(filtered, to: temporary)
    }
    guard operations > 0 else {
      FileSystem.remove(temporary)
      return nil
    }
    return BatchOutput(kind: "payload", path: final, temporaryPath: temporary)
  }
}

/// The reject report of a batch, opened at its first issue.
final class ReportFile {
  let outputs: ConversionOutputs
  private var writer: RejectReportWriter? = nil
  private(set) var warnings = 0

  init(outputs: ConversionOutputs) { self.outputs = outputs }

  func note(_ issue: RowIssue) throws {
    if writer == nil { writer = try RejectReportWriter(path: outputs.reportTemporary) }
    try writer!.write(issue)
    if issue.severity == .warning { warnings += 1 }
  }

  func finish() throws -> BatchOutput? {
    guard let writer else { return nil }
    try writer.close()
    return outputs.reportOutput
  }
}

/// What a mapping thread does with each row of a keyed export: recognise it as
/// exported before unchanged, or map it and fingerprint what it gives.
private struct RowPreparation {
  let plan: EntityPlan
  let userIds: [String: Int]
  /// Of the header: a row with another count is ragged.
  let columns: Int
  let unchangedRows: UnchangedRows
  /// This thread's own.
  let matcher: UnchangedRows.Matcher

  func prepare(_ row: SourceRow) -> ExportConversion.PreparedRow {
    var rowFingerprint: Data? = nil
    if matcher.looksUp {
      let print = matcher.fingerprint(row)
      if let lastSent = matcher.lastSent(row, fingerprint: print) {
        return .init(line: row.line, lastSent: lastSent)
      }
      rowFingerprint = print
    } else {
      // Nothing reads the row whole before the mapping: its memory is fetched in one go.
      row.touchStorage()
    }
    var record = plan.map(row, userIds)
    if let problem = ExportConversion.shapeProblem(row, columns: columns) {
      record.issues.append(
        RowIssue(
          line: row.line, key: record.key, field: "", severity: .error, code: .raggedRow,
          message: problem, value: ""))
    }
    guard !record.isRejected else {
      return .init(line: row.line, record: record, fingerprint: nil, guid: "")
    }
    let digest = Digest.upsert(record.data)
    var prepared = ExportConversion.PreparedRow(
      line: row.line, record: record, fingerprint: digest.fingerprint, guid: digest.guid,
      companionDigests: record.companions.map { Digest.upsert($0.data) })
    if unchangedRows.mayRecognise(record, row: row) {
      prepared.rowFingerprint = rowFingerprint ?? matcher.fingerprint(row)
    }
    return prepared
  }
}

/// Converts one full export of a keyed entity (a record per row: customers,
/// prospects, contacts, articles, representatives) into its Sales Management
/// payload and a reject report, inside the batch's manifest transaction. Streams
/// rows from the reader to the payload; never holds the file, the records or the
/// payload in memory.
struct KeyedConversion {
  typealias PreparedRow = ExportConversion.PreparedRow
  typealias Result = ExportConversion.Result

  let plan: EntityPlan
  let path: String
  let facts: FileFacts
  let settings: Settings
  let outputs: ConversionOutputs
  let allowMassDeletion: Bool

  private enum RowStatus {
    case emitted, unchanged, rejected
  }

  func run(in db: ManifestTransaction) throws -> Result {
    let plan = plan
    let entity = plan.entity
    let resource = entity.resource
    let staging = try RecordStaging(
      db: db, resource: resource, kind: plan.kind, owner: plan.owner, batch: outputs.batch)
    let payload = try outputs.payload(resource: resource, entity: entity.rawValue)
    let report = ReportFile(outputs: outputs)
    var companionStaging: RecordStaging? = nil
    var companionPayload: PayloadFile? = nil
    if let companionKind = plan.companionKind {
      let contacts = try RecordStaging(
        db: db, resource: "contacts", kind: companionKind, owner: "shared",
        batch: outputs.batch, table: "stagedCompanion")
      // The main contact of a company row that was rejected is not deleted: the
      // row may well still name it (derived ids end in "." and 8 hex digits).
      contacts.deletionGuard = """
        AND substr(code, 1, length(code) - 9) NOT IN
          (SELECT code FROM temp.stagedKey WHERE fingerprint IS NULL)
        """
      companionStaging = contacts
    }
    var counts = BatchCounts()
    // Keys of rejected rows, so that a later duplicate of one is counted once.
    var firstStatus: [String: RowStatus] = [:]
    // The user map is small: loaded once, it lets mapping run off this thread.
    let userIds = try RecordStaging.userIds(in: db)
    let hasUserMap = !userIds.isEmpty
    let references = try ReferenceLookup(db: db)
    // Contacts SM knows by another key than the export's (see `salesManagementKey`).
    let anyAllocatedContact =
      try db.hasAllocatedCodes(resource: "contacts")
    let mayBeKnownByAnotherKey = entity == .contacts && anyAllocatedContact
    let pictures =
      entity == .articles
      ? PictureDelivery(
        folders: settings.pictureFolders, payloadFolder: outputs.payloadFolder,
        batch: outputs.batch) : nil
    let tables = settings.tables

    func note(_ issue: RowIssue) throws { try report.note(issue) }

    /// Takes each companion's data out of `record`: it is written once, here.
    func consumeCompanions(_ prepared: PreparedRow, record: inout MappedRecord, companyId: Int?)
      throws -> Int?
    {
      guard let staging = companionStaging else { return nil }
      var firstOperation: Int? = nil
      for index in record.companions.indices {
        // Taken out, not copied: the data grows below, and a second reference to
        // its buffer would have it copied whole first.
        var data: [UInt8] = []
        swap(&data, &record.companions[index].data)
        let companion = record.companions[index]
        for issue in companion.issues { try note(issue) }
        if companion.isRejected { continue }
        let digest = prepared.companionDigests[index]
        // The mapping thread read the manifest as this transaction sees it: the
        // batch holds the write lock and changes records only when it commits.
        let known =
          try prepared.lastSent.map { $0.companions[index].record } ?? staging.known(companion.key)
        // The contacts export lists this person too: it owns the contact.
        if let known, known.kind == "contact", !known.deleted { continue }
        let unchanged =
          known.map {
            !$0.deleted && $0.fingerprint == digest.fingerprint && $0.kind == staging.kind
          } ?? false
        if companionPayload == nil {
          companionPayload = try outputs.payload(resource: "contacts", entity: entity.rawValue)
        }
        let writer = companionPayload!.writer
        let operation = unchanged ? nil : writer.operationCount
        // A repeat is the same person named by a duplicated company code: the
        // company rows are rejected, which withdraws this contact too.
        guard
          try staging.stage(
            code: companion.key, line: prepared.line, operation: operation,
            fingerprint: digest.fingerprint, known: known, fields: companion.sharedFields) == nil,
          let operation
        else { continue }
        if let companyId { Self.appendField(&data, "accountId", companyId) }
        // SM needs a rep on a new contact: the company's, else the admin at creation.
        if case .mapped(let rep) = record.salesRep {
          Self.appendField(&data, "salesRepId", rep)
        } else if let admin = SalesRepAssignment.adminUserId(
          for: .none, isNewInSalesManagement: known == nil, salesRepKnownEmpty: false,
          adminUserId: settings.tables.adminUserId)
        {
          Self.appendField(&data, "salesRepId", admin)
        }
        try writer.write(
          PayloadOperation(
            action: .upsert, guid: digest.guid, extId: companion.key, id: known?.smId, data: data))
        firstOperation = firstOperation ?? operation
      }
      return firstOperation
    }

    func consume(_ prepared: inout PreparedRow) throws {
      counts.read += 1
      // Taken out, not copied: a row's values are used once, here.
      var record = MappedRecord(key: "", data: [], salesRep: .none, issues: [])
      swap(&record, &prepared.record)
      let line = prepared.line
      if record.key.isEmpty {
        counts.rejected += 1
        for issue in record.issues { try note(issue) }
        return
      }
      if mayBeKnownByAnotherKey, prepared.fingerprint != nil,
        let key = try SharedRecordBook.salesManagementKey(ofContact: record.key, in: db),
        key != record.key
      {
        // Sage lists a contact SM created, or a main contact SM changed, under a
        // key of its own: SM keeps the one it has.
        record.data = ContactRecordBuilder.rekeyed(record.data, from: record.key, to: key)
        record.key = key
        record.alternateKey = nil
        let digest = Digest.upsert(record.data)
        prepared.fingerprint = digest.fingerprint
        prepared.guid = digest.guid
        prepared.rowFingerprint = nil
      } else if let alternate = record.alternateKey, alternate != record.key,
        prepared.fingerprint != nil, let main = try staging.known(alternate),
        main.kind.hasSuffix("-contact") || main.kind == plan.kind, !main.deleted
      {
        // The company row's main contact and this row are one person: SM keeps the
        // contact it already has, now owned by the contacts export, which also
        // gives it its Sage code (and keeps it under that id in later exports).
        record.data = ContactRecordBuilder.rekeyed(record.data, from: record.key, to: alternate)
        record.key = alternate
        let digest = Digest.upsert(record.data)
        prepared.fingerprint = digest.fingerprint
        prepared.guid = digest.guid
        prepared.rowFingerprint = nil
      }
      let known = try prepared.lastSent?.record ?? staging.known(record.key)
      var status = RowStatus.rejected
      var fingerprint = prepared.fingerprint
      var referenceIds: [(String, Int)] = []
      var referenceIssues: [RowIssue] = []
      if fingerprint != nil {
        for reference in record.references {
          switch try references.find(resource: reference.resource, code: reference.code) {
          case .known(let smId?): referenceIds.append((reference.idField, smId))
          case .known(nil): break
          case .unknown:
            referenceIssues.append(
              RowIssue(
                line: line, key: record.key, field: reference.field, severity: .error,
                code: .unknownReference,
                message:
                  "no \(reference.noun) has this code, neither in this file nor in an earlier export",
                value: reference.code))
          }
        }
        if !referenceIssues.isEmpty { fingerprint = nil }
      }
      var picture: PictureDelivery.Found? = nil
      if let print = fingerprint {
        if let source = record.picture, let pictures {
          switch try pictures.find(source, known: known) {
          case .found(let found): picture = found
          case .none: break
          case .problem(let code, let message, let value):
            referenceIssues.append(
              RowIssue(
                line: line, key: record.key, field: ArticleFields.picture.label,
                severity: .warning, code: code, message: message, value: value))
          }
        }
        let pictureChanged = picture.map { $0.sha256 != known?.pictureSHA256 } ?? false
        let unchanged =
          !pictureChanged
          && (known.map { !$0.deleted && $0.fingerprint == print && $0.kind == plan.kind }
            ?? false)
        status = unchanged ? .unchanged : .emitted
      }
      if entity == .prospects, let known, known.kind == CompanyKind.customer.rawValue,
        !known.deleted, fingerprint != nil
      {
        // Sage made it a customer: the prospects list no longer speaks for it.
        try note(
          RowIssue(
            line: line, key: record.key, field: plan.keyLabel.label, severity: .warning,
            code: .readOnlyRecord,
            message: "this code is a customer in Sage; its prospect row is ignored",
            value: record.key))
        _ = try staging.stage(
          code: record.key, line: line, operation: nil, fingerprint: nil, known: known)
        counts.unchanged += 1
        return
      }
      var matchedId: Int? = nil
      if entity == .representatives, known?.smId == nil, !record.email.isEmpty {
        matchedId = tables.userIdsByEmail[record.email]
      }
      let operation = status == .emitted ? payload.writer.operationCount : nil
      // The main contact goes first, so that the company row's staging can name
      // its operation (to withdraw it if the company turns out duplicated).
      let companionOperation =
        status == .rejected
        ? nil : try consumeCompanions(prepared, record: &record, companyId: known?.smId)
      // Set only for rows without issues or references: never a rejected one.
      let rowFingerprint = prepared.rowFingerprint
      if let repeated = try staging.stage(
        code: record.key, line: line, operation: operation, fingerprint: fingerprint,
        known: known, smId: matchedId, picture: picture.map { $0.sha256 + " " + $0.picture.stamp },
        companion: companionOperation, fields: record.sharedFields,
        rowFingerprint: rowFingerprint,
        companions: rowFingerprint == nil || record.companions.isEmpty
          ? nil : record.companions.map(\.key).joined(separator: "\n"))
      {
        if let companionOperation, let companionPayload {
          companionPayload.removed.insert(companionOperation)
          try companionStaging?.withdraw(operation: companionOperation)
        }
        // The same code twice in one file: both rows are rejected.
        try note(
          RowIssue(
            line: line, key: record.key, field: plan.keyLabel.label,
            severity: .error, code: .duplicateKey,
            message: "the code is also on line \(repeated.firstLine); both rows are left out",
            value: record.key))
        counts.rejected += 1
        if repeated.isFirstRepeat {
          try note(
            RowIssue(
              line: repeated.firstLine, key: record.key, field: plan.keyLabel.label,
              severity: .error, code: .duplicateKey,
              message: "the code is also on line \(line); both rows are left out",
              value: record.key))
          if let first = repeated.firstOperation {
            payload.removed.insert(first)
            counts.emitted -= 1
            counts.rejected += 1
          } else if firstStatus[record.key] != .rejected {
            counts.unchanged -= 1
            counts.rejected += 1
          }
          if let companion = repeated.firstCompanion, let companionPayload {
            companionPayload.removed.insert(companion)
            try companionStaging?.withdraw(operation: companion)
          }
        }
        return
      }
      for issue in record.issues + referenceIssues { try note(issue) }
      switch status {
      case .rejected:
        counts.rejected += 1
        firstStatus[record.key] = .rejected
        return
      case .unchanged:
        counts.unchanged += 1
        return
      case .emitted:
        break
      }
      if case .unmapped(let code) = record.salesRep, hasUserMap {
        try note(
          RowIssue(
            line: line, key: record.key, field: CustomerFields.representative.label,
            severity: .warning, code: .unmappedValue,
            message: "no SM user is known for this representative; kept in Z_REPRESENTANT",
            value: code))
      }
      var dataBytes: [UInt8] = []
      swap(&dataBytes, &record.data)
      // A record marked deleted still exists in SM with its rep: only a code never
      // sent before is a creation.
      if resource == "accounts",
        let admin = SalesRepAssignment.adminUserId(
          for: record.salesRep, isNewInSalesManagement: known == nil,
          salesRepKnownEmpty: known?.salesRepKnownEmpty ?? false,
          adminUserId: settings.tables.adminUserId)
      {
        // Appended after fingerprinting: the admin is a creation-time decision,
        // not content, so an unchanged export stays unchanged.
        Self.appendField(&dataBytes, "salesRepId1", admin)
      }
      for (field, id) in referenceIds { Self.appendField(&dataBytes, field, id) }
      if resource == "contacts",
        let admin = SalesRepAssignment.adminUserId(
          for: .none, isNewInSalesManagement: known == nil, salesRepKnownEmpty: false,
          adminUserId: settings.tables.adminUserId)
      {
        Self.appendField(&dataBytes, "salesRepId", admin)
      }
      var extra: [UInt8]? = nil
      if let picture, picture.sha256 != known?.pictureSHA256 {
        extra = try pictures!.deliver(picture)
      }
      try payload.writer.write(
        PayloadOperation(
          action: .upsert, guid: prepared.guid, extId: record.key, id: known?.smId ?? matchedId,
          data: dataBytes, extra: extra))
      counts.emitted += 1
    }

    let pipeline = RowPipeline<PreparedRow>(
      ExportReader(path: path, facts: facts, limits: settings.limits))
    let encoding = facts.encoding
    // Rows of a first export of its kind cannot have been seen: none is looked up.
    let manifestPath = staging.isFirstOfItsKind ? nil : db.path
    try pipeline.run(
      setup: { labels in
        let unchangedRows = UnchangedRows(
          plan: plan, header: Header(labels: labels), encoding: encoding, tables: tables,
          userIds: userIds, manifestPath: manifestPath)
        return {
          RowPreparation(
            plan: plan, userIds: userIds, columns: labels.count, unchangedRows: unchangedRows,
            matcher: unchangedRows.matcher()
          ).prepare
        }
      },
      consume: { rows in
        for index in rows.indices { try consume(&rows[index]) }
      })
    if counts.read == 0 {
      throw FileRejection(.emptyFile, "the export has a header line but no rows", line: 1)
    }

    func guardDeletions(missing: Int, known: Int, of what: String) throws {
      guard
        missing > 0 && Double(missing) > settings.massDeletionShare * Double(known)
          && !allowMassDeletion
      else { return }
      let share = Int((Double(missing) * 100 / Double(known)).rounded())
      throw FileRejection(
        .massDeletionGuard,
        "the export would delete \(missing) of the \(known) known \(what) (\(share) %, over the allowed \(Int(settings.massDeletionShare * 100)) %); if the export is complete, run 'passerelle allow-deletions \(facts.sha256)' and drop the file again"
      )
    }
    let (missing, known) = try staging.deletionCandidates()
    try guardDeletions(missing: missing, known: known, of: entity.rawValue)
    var missingCompanions = 0
    if let companionStaging {
      // A customers export whose contact columns came out empty must not wipe the
      // main contacts either. The guard (see above) spares nothing when every
      // company row was staged with a fingerprint: the count then needs no query.
      let (missing, known) =
        staging.stagedWithoutFingerprint == 0
        ? try companionStaging.deletionCandidates() : try companionStaging.deletionCount()
      try guardDeletions(missing: missing, known: known, of: "main contacts of \(entity.rawValue)")
      missingCompanions = missing
    }
    if missing > 0 {
      let removalData: [UInt8]? =
        plan.removal == .deactivate ? Array("{\"isActive\": false}".utf8) : nil
      try staging.forEachDeletion { code, fingerprint, smId in
        try payload.writer.write(
          PayloadOperation(
            action: plan.removal,
            guid: Digest.guid([resource, code, plan.removal.rawValue], fingerprint: fingerprint),
            extId: code, id: smId, data: removalData))
        counts.deletions += 1
      }
    }
    var companionDeletions = 0
    if let companionStaging, missingCompanions > 0 {
      try companionStaging.forEachDeletion { code, fingerprint, smId in
        if companionPayload == nil {
          companionPayload = try outputs.payload(resource: "contacts", entity: entity.rawValue)
        }
        try companionPayload!.writer.write(
          PayloadOperation(
            action: .markDeleted,
            guid: Digest.guid(["contacts", code, "markDeleted"], fingerprint: fingerprint),
            extId: code, id: smId, data: nil))
        companionDeletions += 1
      }
    }
    counts.warnings = report.warnings
    var produced: [BatchOutput] = []
    if let output = try payload.finish() { produced.append(output) }
    if let output = try companionPayload?.finish() { produced.append(output) }
    if let output = try report.finish() { produced.append(output) }
    try staging.commit(deletions: missing)
    try companionStaging?.commit(deletions: companionDeletions)
    return Result(entity: entity.rawValue, counts: counts, outputs: produced)
  }

  /// Adds `"name": value` at the end of a serialised object.
  static func appendField(_ data: inout [UInt8], _ name: String, _ value: Int) {
    data.removeLast()
    // Byte by byte rather than through an interpolated string: once or twice per record.
    data.append(UInt8(ascii: ","))
    data.append(0x20)
    data.append(0x22)
    data.append(contentsOf: name.utf8)
    data.append(0x22)
    data.append(UInt8(ascii: ":"))
    data.append(0x20)
    data.append(contentsOf: String(value).utf8)
    data.append(UInt8(ascii: "}"))
  }
}

extension ExportConversion {
  /// A row with more values than columns, or fewer, has its values in the wrong
  /// columns: sending it would blank or garble fields in SM.
  static func shapeProblem(_ row: SourceRow, columns: Int) -> String? {
    if row.fieldCount > columns,
      (columns..<row.fieldCount).contains(where: { !row.isEmpty($0) })
    {
      return
        "the row has \(row.fieldCount) values for \(columns) columns (a separator inside a value?)"
    }
    if row.fieldCount < columns {
      return
        "the row has \(row.fieldCount) values for \(columns) columns (a line break inside a value?)"
    }
    return nil
  }
}
