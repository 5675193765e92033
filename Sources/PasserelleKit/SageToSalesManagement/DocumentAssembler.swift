import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// Groups rows into documents and turns each into its operation.
final class DocumentAssembler {
  let outputs: ConversionOutputs
  let report: ReportFile
  let references: ReferenceLookup
  let quotes: QuoteBook
  let sales: RecordStaging
  let salesOrders: RecordStaging
  private var salesPayload: PayloadFile? = nil
  private var salesOrdersPayload: PayloadFile? = nil
  private(set) var counts = BatchCounts()
  private(set) var strayRows = 0
  private var header: DocumentHeader? = nil
  private var lines: [DocumentLine] = []
  private var overflow = false
  /// Documents rejected so far, so that a later duplicate of one is counted once.
  private var rejectedNumbers = Set<String>()
  /// Priced quotes sent, marked priced at the end (a later duplicate withdraws one).
  private var priced: [(reference: String, piece: String, operation: Int)] = []

  init(db: ManifestTransaction, outputs: ConversionOutputs) throws {
    self.outputs = outputs
    report = ReportFile(outputs: outputs)
    references = try ReferenceLookup(db: db)
    quotes = QuoteBook(db: db)
    sales = try RecordStaging(
      db: db, resource: "sales", kind: "invoice", batch: outputs.batch, table: "stagedKey")
    salesOrders = try RecordStaging(
      db: db, resource: "salesorders", kind: "priced-quote", batch: outputs.batch,
      table: "stagedCompanion")
  }

  func take(_ row: DocumentRow) throws {
    switch row {
    case .header(let next):
      try finishDocument()
      header = next
    case .line(let line):
      guard header != nil else {
        strayRows += 1
        counts.rejected += 1
        try report.note(
          RowIssue(
            line: line.line, key: line.number, field: DocumentColumn.lineType.label,
            severity: .error, code: .missingKey,
            message: Message(.lineBeforeDocument), value: "L"))
        return
      }
      if lines.count >= DocumentDraft.maximumLines {
        overflow = true
      } else {
        lines.append(line)
      }
    case .stray(let issue):
      // What follows until the next E line belongs to no known document.
      try finishDocument()
      strayRows += 1
      counts.rejected += 1
      try report.note(issue)
    }
  }

  /// Takes a mapping thread's piece: a row to assemble, or a document its block held whole.
  func take(_ piece: DocumentPiece) throws {
    switch piece {
    case .row(let row): try take(row)
    case .document(let draft):
      try finishDocument()
      try emit(draft)
    }
  }

  /// Turns the document in hand into its operation.
  func finishDocument() throws {
    guard let header else { return }
    defer {
      self.header = nil
      lines.removeAll(keepingCapacity: lines.count <= 256)
      overflow = false
    }
    try emit(DocumentDraft(header: header, lines: lines, overflow: overflow))
  }

  private func emit(_ draft: DocumentDraft) throws {
    let header = draft.header
    counts.read += 1
    if header.kind == .other {
      try report.note(
        RowIssue(
          line: header.line, key: header.number, field: DocumentColumn.documentType.label,
          severity: .warning, code: .notSynchronised,
          message: Message(.documentNotSynchronised),
          value: header.kindText))
      counts.unchanged += 1
      return
    }
    var issues = draft.issues
    var customerId: Int? = nil
    var content = draft.content
    if content != nil {
      switch try references.find(resource: "accounts", code: header.customer) {
      case .known(let smId): customerId = smId
      case .unknown:
        issues.append(
          RowIssue(
            line: header.line, key: header.number, field: DocumentColumn.customer.label,
            severity: .error, code: .unknownReference,
            message: Message(.documentCustomerUnknown),
            value: header.customer))
        content = nil
      }
    }
    guard let content else {
      for issue in issues { try report.note(issue) }
      guard !header.number.isEmpty else {
        counts.rejected += 1
        return
      }
      // Staged without a fingerprint: a duplicate number is still caught.
      let staging = header.kind == .quote ? salesOrders : sales
      if let repeated = try staging.stage(
        code: header.number, line: header.line, operation: nil, fingerprint: nil, known: nil)
      {
        try duplicate(
          header, repeated: repeated,
          payload: header.kind == .quote ? salesOrdersPayload : salesPayload)
      } else {
        counts.rejected += 1
        rejectedNumbers.insert(header.number)
      }
      return
    }
    if let warning = content.totalsWarning { issues.append(warning) }
    for issue in issues { try report.note(issue) }
    if header.kind == .quote {
      try priceQuote(header, content)
    } else {
      try emitSale(header, content, customerId: customerId)
    }
  }

  private func emitSale(
    _ header: DocumentHeader, _ content: DocumentDraft.Content, customerId: Int?
  ) throws {
    let known = try sales.known(header.number)
    let unchanged = known.map { !$0.deleted && $0.fingerprint == content.fingerprint } ?? false
    if salesPayload == nil {
      salesPayload = try outputs.payload(resource: "sales", entity: "documents")
    }
    let payload = salesPayload!
    let operation = unchanged ? nil : payload.writer.operationCount
    if let repeated = try sales.stage(
      code: header.number, line: header.line, operation: operation,
      fingerprint: content.fingerprint, known: known)
    {
      try duplicate(header, repeated: repeated, payload: payload)
      return
    }
    if unchanged {
      counts.unchanged += 1
      return
    }
    var body = content.body
    if let customerId { body.integer(named: "accountId", customerId) }
    try payload.writer.write(
      PayloadOperation(
        action: .upsert, guid: content.guid, extId: header.number, id: known?.smId,
        data: body.close(),
        extra: content.lines))
    counts.emitted += 1
  }

  private func priceQuote(_ header: DocumentHeader, _ content: DocumentDraft.Content) throws {
    let known = try salesOrders.known(header.number)
    if known.map({ $0.fingerprint == content.fingerprint }) ?? false {
      counts.unchanged += 1
      _ = try salesOrders.stage(
        code: header.number, line: header.line, operation: nil, fingerprint: content.fingerprint,
        known: known)
      return
    }
    guard !header.reference.isEmpty, let smId = try quotes.match(reference: header.reference)
    else {
      try report.note(
        RowIssue(
          line: header.line, key: header.number, field: DocumentColumn.reference.label,
          severity: .warning, code: .unmatchedQuote,
          message: Message(header.reference.isEmpty ? .quoteWithoutReference : .quoteNotYetKnown),
          value: header.reference))
      if !header.reference.isEmpty {
        try quotes.keepPending(
          reference: header.reference, piece: header.number,
          operation: content.body.closed() + [0x0A] + content.lines, batch: outputs.batch,
          line: header.line)
      }
      counts.unchanged += 1
      return
    }
    if salesOrdersPayload == nil {
      salesOrdersPayload = try outputs.payload(resource: "salesorders", entity: "documents")
    }
    let payload = salesOrdersPayload!
    let operation = payload.writer.operationCount
    if let repeated = try salesOrders.stage(
      code: header.number, line: header.line, operation: operation,
      fingerprint: content.fingerprint, known: known, smId: smId)
    {
      try duplicate(header, repeated: repeated, payload: payload)
      return
    }
    try payload.writer.write(
      PayloadOperation(
        action: .upsert, guid: content.guid, extId: header.number, id: smId,
        data: content.body.closed(),
        extra: content.lines))
    priced.append((header.reference, header.number, operation))
    counts.emitted += 1
  }

  private func duplicate(
    _ header: DocumentHeader, repeated: RecordStaging.Repeat, payload: PayloadFile?
  ) throws {
    try DuplicateKeyPolicy(
      message: .duplicateDocumentNumber, field: DocumentColumn.number.label
    ).reject(
      key: header.number, line: header.line, repeated: repeated,
      firstWasRejected: rejectedNumbers.contains(header.number), payload: payload,
      report: report, counts: &counts)
  }

  func finish() throws -> [BatchOutput] {
    counts.warnings = report.warnings
    var produced: [BatchOutput] = []
    if let output = try salesPayload?.finish() { produced.append(output) }
    let withdrawn = salesOrdersPayload?.removed ?? []
    for quote in priced where !withdrawn.contains(quote.operation) {
      try quotes.markPriced(
        reference: quote.reference, piece: quote.piece, batch: outputs.batch,
        at: outputs.createdAt)
    }
    if let output = try salesOrdersPayload?.finish() { produced.append(output) }
    if let output = try report.finish() { produced.append(output) }
    try sales.commit(deletions: 0)
    try salesOrders.commit(deletions: 0)
    return produced
  }
}
