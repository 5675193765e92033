import Foundation
import GRDB

/// Converts one full Sage export into a Sales Management payload and a reject
/// report, inside the batch's manifest transaction. Streams rows from the reader
/// to the payload; never holds the file, the records or the payload in memory.
struct ExportConversion {
  let batch: String
  let sourceName: String
  let path: String
  let facts: FileFacts
  let settings: Settings
  let payloadFolder: String
  let reportFolder: String
  let createdAt: Date
  let forcedEntity: SageEntity?
  let allowMassDeletion: Bool

  struct Result {
    var entity: SageEntity
    var counts: BatchCounts
    var outputs: [BatchOutput]
  }

  private enum RowStatus {
    case emitted, unchanged, rejected
  }

  /// A row mapped on a worker thread, waiting for its turn with the manifest.
  struct PreparedRow: Sendable {
    var line: Int
    var record: MappedRecord
    /// Of the serialised data; nil when the row is rejected.
    var fingerprint: Data?
    /// The upsert's deterministic id, computed off the manifest's thread.
    var guid: String
  }

  /// The entity the reading thread recognised from the header.
  private final class EntityBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: SageEntity? = nil
    var entity: SageEntity? {
      get { lock.withLock { value } }
      set { lock.withLock { value = newValue } }
    }
  }

  func run(in db: Database) throws -> Result {
    let format = FileFormat.sniff(path: path, bomLength: facts.bomLength)
    let reader: any RecordReader =
      format == .xml
      ? XMLRecordReader(path: path, facts: facts, limits: settings.limits)
      : CSVReader(path: path, facts: facts, limits: settings.limits)
    var entity = SageEntity.customers
    var staging: RecordStaging! = nil
    var payload: PayloadWriter! = nil
    var report: RejectReportWriter? = nil
    var counts = BatchCounts()
    var removedOperations = Set<Int>()
    // Keys of rejected rows, so that a later duplicate of one is counted once.
    var firstStatus: [String: RowStatus] = [:]
    var payloadName = ""
    var payloadTemporary = ""
    let reportName = "\(batch)-\(OutputName.safe(sourceName)).rejects.csv"
    let reportTemporary = "\(reportFolder)/.\(reportName).tmp"
    // The user map is small: loaded once, it lets mapping run off this thread.
    let userIds = try RecordStaging.userIds(in: db)
    let hasUserMap = !userIds.isEmpty
    let recognisedBox = EntityBox()
    let forcedEntity = forcedEntity
    let tables = settings.tables

    func note(_ issue: RowIssue) throws {
      if report == nil { report = try RejectReportWriter(path: reportTemporary) }
      try report!.write(issue)
      if issue.severity == .warning { counts.warnings += 1 }
    }

    func start(_ recognised: SageEntity) throws {
      entity = recognised
      staging = try RecordStaging(
        db: db, resource: entity.resource, kind: "customer", batch: batch)
      payloadName = "\(batch)-\(entity.resource).json"
      payloadTemporary = "\(payloadFolder)/.\(payloadName).tmp"
      payload = try PayloadWriter(
        path: payloadTemporary,
        header: PayloadHeader(
          batch: batch, resource: entity.resource, sourceFile: sourceName,
          sourceSHA256: facts.sha256, sourceEntity: entity.rawValue,
          createdAt: Timestamp.iso(createdAt)))
    }

    let pipeline = RowPipeline<PreparedRow>(
      reader: reader, encoding: format == .xml ? .utf8 : facts.encoding)
    try pipeline.run(
      setup: { labels in
        let header = Header(labels: labels)
        guard let recognised = forcedEntity ?? EntityRecognizer.recognise(header) else {
          let shown = labels.prefix(6).joined(separator: ", ")
          throw FileRejection(
            .unknownEntity,
            "the header matches no known Sage 50 export (it starts with: \(shown))", line: 1)
        }
        guard header.contains(CustomerFields.code) else {
          throw FileRejection(
            .unknownEntity, "the header has no Code column", line: 1, field: "Code")
        }
        recognisedBox.entity = recognised
        let mapping = CustomerMapping(header: header, tables: tables)
        let columns = header.labels.count
        return { row in
          var record = mapping.map(row, userId: { userIds[$0] })
          if let problem = Self.shapeProblem(row, columns: columns) {
            record.issues.append(
              RowIssue(
                line: row.line, key: record.key, field: "", severity: .error, code: .raggedRow,
                message: problem, value: ""))
          }
          guard !record.isRejected else {
            return PreparedRow(line: row.line, record: record, fingerprint: nil, guid: "")
          }
          let digest = Digest.upsert(record.data)
          return PreparedRow(
            line: row.line, record: record, fingerprint: digest.fingerprint, guid: digest.guid)
        }
      },
      consume: { rows in
        if staging == nil, let recognised = recognisedBox.entity { try start(recognised) }
        for prepared in rows {
          try consume(prepared)
        }
      })
    if staging == nil, let recognised = recognisedBox.entity { try start(recognised) }

    func consume(_ prepared: PreparedRow) throws {
      counts.read += 1
      let record = prepared.record
      let line = prepared.line
      if record.key.isEmpty {
        counts.rejected += 1
        for issue in record.issues { try note(issue) }
        return
      }
      let known = try staging.known(record.key)
      var status = RowStatus.rejected
      if let print = prepared.fingerprint {
        let unchanged =
          known.map { !$0.deleted && $0.fingerprint == print && $0.kind == "customer" } ?? false
        status = unchanged ? .unchanged : .emitted
      }
      let operation = status == .emitted ? payload.operationCount : nil
      if let repeated = try staging.stage(
        code: record.key, line: line, operation: operation, fingerprint: prepared.fingerprint,
        known: known)
      {
        // The same code twice in one file: both rows are rejected.
        try note(
          RowIssue(
            line: line, key: record.key, field: CustomerFields.code.label,
            severity: .error, code: .duplicateKey,
            message: "the code is also on line \(repeated.firstLine); both rows are left out",
            value: record.key))
        counts.rejected += 1
        if repeated.isFirstRepeat {
          try note(
            RowIssue(
              line: repeated.firstLine, key: record.key, field: CustomerFields.code.label,
              severity: .error, code: .duplicateKey,
              message: "the code is also on line \(line); both rows are left out",
              value: record.key))
          if let first = repeated.firstOperation {
            removedOperations.insert(first)
            counts.emitted -= 1
            counts.rejected += 1
          } else if firstStatus[record.key] != .rejected {
            counts.unchanged -= 1
            counts.rejected += 1
          }
        }
        return
      }
      for issue in record.issues { try note(issue) }
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
      var dataBytes = record.data
      // A record marked deleted still exists in SM with its rep: only a code never
      // sent before is a creation.
      if let admin = SalesRepAssignment.adminUserId(
        for: record.salesRep, isNewInSalesManagement: known == nil,
        salesRepKnownEmpty: known?.salesRepKnownEmpty ?? false,
        adminUserId: settings.tables.adminUserId)
      {
        // Appended after fingerprinting: the admin is a creation-time decision,
        // not content, so an unchanged export stays unchanged.
        dataBytes.removeLast()
        dataBytes.append(contentsOf: ", \"salesRepId1\": \(admin)}".utf8)
      }
      try payload.write(
        PayloadOperation(
          action: .upsert,
          guid: prepared.guid, extId: record.key, id: known?.smId, data: dataBytes))
      counts.emitted += 1
    }

    guard payload != nil else { throw FileRejection(.emptyFile, "the file has no header line") }
    if counts.read == 0 {
      throw FileRejection(.emptyFile, "the export has a header line but no rows", line: 1)
    }

    let (missing, known) = try staging.deletionCandidates()
    if missing > 0 && Double(missing) > settings.massDeletionShare * Double(known)
      && !allowMassDeletion
    {
      let share = Int((Double(missing) * 100 / Double(known)).rounded())
      throw FileRejection(
        .massDeletionGuard,
        "the export would delete \(missing) of the \(known) known \(entity.rawValue) (\(share) %, over the allowed \(Int(settings.massDeletionShare * 100)) %); if the export is complete, run 'passerelle allow-deletions \(facts.sha256)' and drop the file again"
      )
    }
    if missing > 0 {
      try staging.forEachDeletion { code, fingerprint, smId in
        try payload.write(
          PayloadOperation(
            action: .markDeleted,
            guid: Digest.guid([entity.resource, code, "markDeleted"], fingerprint: fingerprint),
            extId: code, id: smId, data: nil))
        counts.deletions += 1
      }
    }
    try payload.close()
    try report?.close()

    var operations = payload.operationCount
    if !removedOperations.isEmpty {
      let filtered = payloadTemporary + ".filtered"
      operations = try PayloadFilter.copy(
        payloadTemporary, to: filtered, skipping: removedOperations)
      try FileSystem.rename(filtered, to: payloadTemporary)
    }
    try staging.commit(deletions: missing)

    var outputs: [BatchOutput] = []
    if operations > 0 {
      outputs.append(
        BatchOutput(
          kind: "payload", path: "\(payloadFolder)/\(payloadName)",
          temporaryPath: payloadTemporary))
    } else {
      FileSystem.remove(payloadTemporary)
    }
    if report != nil {
      outputs.append(
        BatchOutput(
          kind: "report", path: "\(reportFolder)/\(reportName)", temporaryPath: reportTemporary))
    }
    return Result(entity: entity, counts: counts, outputs: outputs)
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

/// File names derived from input names: no path separators or control characters,
/// and short enough that every name derived from them (batch id in front, report
/// and temporary suffixes behind) stays under the 255-byte limit of file systems.
enum OutputName {
  static let maximumBytes = 180

  static func safe(_ name: String) -> String {
    let cleaned = String(
      String.UnicodeScalarView(
        name.unicodeScalars.map { scalar in
          scalar.value < 0x20 || scalar == "/" || scalar == "\\" || scalar == ":" ? "_" : scalar
        }))
    guard cleaned.utf8.count > maximumBytes else { return cleaned }
    let dot = cleaned.lastIndex(of: ".")
    let suffix = dot.map { String(cleaned[$0...]) }.flatMap { $0.utf8.count <= 16 ? $0 : nil } ?? ""
    var stem = ""
    for character in cleaned {
      if stem.utf8.count + character.utf8.count > maximumBytes - 26 { break }
      stem.append(character)
    }
    let hash = Digest.guid([cleaned], fingerprint: nil).prefix(8)
    return "\(stem)~\(hash)\(suffix)"
  }
}
