import Foundation
import GRDB

/// Converts an `E`/`L` commercial documents export: invoices and credit notes
/// become `sales` (one per document, its lines beside), priced quotes become
/// `salesorders` updates matched to the SM quote by `Référence pièce`. Rows are
/// read and parsed on worker threads; documents are assembled here, one at a
/// time, so memory holds one document whatever the file's size.
struct DocumentConversion {
  let path: String
  let facts: FileFacts
  let settings: Settings
  let outputs: ConversionOutputs

  /// A document longer than this is refused: a runaway export, not an invoice.
  static let maximumLines = 10_000

  func run(in db: Database) throws -> ExportConversion.Result {
    let assembler = try DocumentAssembler(db: db, outputs: outputs)
    let pipeline = RowPipeline<DocumentRow>(
      ExportReader(path: path, facts: facts, limits: settings.limits))
    try pipeline.run(
      setup: { labels in
        let mapping = DocumentMapping(header: Header(labels: labels))
        let columns = labels.count
        return {
          { row in
            let mapped = mapping.map(row)
            guard let problem = ExportConversion.shapeProblem(row, columns: columns) else {
              return mapped
            }
            return mapped.adding(
              RowIssue(
                line: row.line, key: mapped.number, field: "", severity: .error, code: .raggedRow,
                message: problem + "; its document is left out", value: ""))
          }
        }
      },
      consume: { rows in
        for row in rows { try assembler.take(row) }
      })
    try assembler.finishDocument()
    if assembler.counts.read == 0 && assembler.strayRows == 0 {
      throw FileRejection(.emptyFile, "the export has a header line but no documents", line: 1)
    }
    let produced = try assembler.finish()
    return ExportConversion.Result(entity: "documents", counts: assembler.counts, outputs: produced)
  }
}

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

  init(db: Database, outputs: ConversionOutputs) throws {
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
            line: line.line, key: line.number, field: DocumentFields.lineType.label,
            severity: .error, code: .missingKey,
            message: "an L line before any E line: it belongs to no document", value: "L"))
        return
      }
      if lines.count >= DocumentConversion.maximumLines {
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

  /// Turns the document in hand into its operation.
  func finishDocument() throws {
    guard let header else { return }
    defer {
      self.header = nil
      lines.removeAll(keepingCapacity: lines.count <= 256)
      overflow = false
    }
    counts.read += 1
    var issues = header.issues + lines.flatMap(\.issues)
    for line in lines where !line.number.isEmpty && line.number != header.number {
      issues.append(
        RowIssue(
          line: line.line, key: header.number, field: DocumentFields.number.label,
          severity: .error, code: .foreignLine,
          message:
            "this L line names document \(line.number) but follows \(header.number)'s E line; the document is left out",
          value: line.number))
    }
    if overflow {
      issues.append(
        RowIssue(
          line: header.line, key: header.number, field: "", severity: .error, code: .tooLarge,
          message: "the document has more than \(DocumentConversion.maximumLines) lines",
          value: ""))
    }
    if header.kind == .other {
      try report.note(
        RowIssue(
          line: header.line, key: header.number, field: DocumentFields.documentType.label,
          severity: .warning, code: .notSynchronised,
          message: "only invoices, credit notes and quotes go to SM; document skipped",
          value: header.kindText))
      counts.unchanged += 1
      return
    }
    var customerId: Int? = nil
    if !issues.contains(where: { $0.severity == .error }) {
      switch try references.find(resource: "accounts", code: header.customer) {
      case .known(let smId): customerId = smId
      case .unknown:
        issues.append(
          RowIssue(
            line: header.line, key: header.number, field: DocumentFields.customer.label,
            severity: .error, code: .unknownReference,
            message: "no customer has this code in the manifest: export the customers first",
            value: header.customer))
      }
    }
    if issues.contains(where: { $0.severity == .error }) {
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
    var totals = DocumentTotals.compute(lines, header: header)
    // Sage writes credit notes with positive amounts; SM shows them negative.
    let isCredit = header.kind == .creditNote
    let negate = isCredit && totals.withoutTax > .zero
    if isCredit {
      totals.withoutTax = -totals.withoutTax.magnitude
      totals.tax = -totals.tax.magnitude
    }
    let declaredTotal = header.totalWithTax.map { isCredit ? -$0.magnitude : $0 }
    if let declared = declaredTotal {
      let difference = (declared - totals.withTax).magnitude
      if difference > Amount(units: Amount.one / 100) {
        issues.append(
          RowIssue(
            line: header.line, key: header.number, field: DocumentFields.totalWithTax.label,
            severity: .warning, code: .totalsMismatch,
            message:
              "the lines add up to \(totals.withTax.literal) with tax; the document says \(declared.literal)",
            value: declared.literal))
      }
    }
    for issue in issues { try report.note(issue) }
    if header.kind == .quote {
      try priceQuote(header, totals: totals)
    } else {
      try emitSale(
        header, totals: totals, declaredTotal: declaredTotal, negate: negate,
        customerId: customerId)
    }
  }

  /// The document's lines, beside `data` in the operation (`"lines": […]`): SM
  /// takes them as separate records (sales order lines) or as a document to show.
  private func lineMember(negate: Bool) -> [UInt8] {
    func signed(_ value: Amount) -> Amount { negate ? -value : value }
    var json = JSONBytes(capacity: 256 * max(lines.count, 1))
    json.raw("\"lines\": [")
    for (index, line) in lines.enumerated() {
      if index > 0 { json.raw(", ") }
      json.raw("{\"order\": ")
      json.integer(line.order ?? index + 1)
      json.raw(", \"productExtId\": ")
      json.string(line.article)
      json.raw(", \"description\": ")
      json.string(line.description)
      json.raw(", \"quantity\": ")
      json.number(signed(line.quantity))
      json.raw(", \"price\": ")
      json.number(line.unitPrice)
      json.raw(", \"discount1\": ")
      json.number(line.discountRate)
      json.raw(", \"vatRate\": ")
      json.number(line.vatRate)
      json.raw(", \"total\": ")
      json.number(signed(DocumentTotals.lineAmount(line)))
      json.raw(", \"unit\": ")
      json.string(line.unit)
      json.raw(", \"comment\": ")
      json.raw(line.isComment ? "true" : "false")
      json.raw("}")
    }
    json.raw("]")
    return json.bytes
  }

  private func emitSale(
    _ header: DocumentHeader, totals: DocumentTotals, declaredTotal: Amount?, negate: Bool,
    customerId: Int?
  ) throws {
    var data = JSONObject(capacity: 1024)
    data.string("extId", header.number)
    data.string("accountExtId", header.customer)
    data.string("salesRepExtId", header.representative)
    data.string("date", header.date)
    data.number("total", totals.withoutTax)
    data.bool("readOnly", true)
    data.string("Z_TYPE_PIECE", header.kind.rawValue)
    data.number("Z_TOTAL_HT", totals.withoutTax)
    data.number("Z_TOTAL_TVA", totals.tax)
    data.number("Z_TOTAL_TTC", declaredTotal ?? totals.withTax)
    data.string("Z_DATE_ECHEANCE", header.dueDate)
    data.string("Z_STATUT", header.settled ? "Soldée" : header.validated ? "Validée" : "Brouillon")
    data.string("Z_MODE_PAIEMENT", header.paymentMode)
    data.string("Z_REFERENCE", header.reference)
    data.string("Z_REMARQUE", header.remark)
    var body = data.close()
    let lines = lineMember(negate: negate)
    let digest = Digest.upsert(body + lines)
    let known = try sales.known(header.number)
    let unchanged = known.map { !$0.deleted && $0.fingerprint == digest.fingerprint } ?? false
    if salesPayload == nil {
      salesPayload = try outputs.payload(resource: "sales", entity: "documents")
    }
    let payload = salesPayload!
    let operation = unchanged ? nil : payload.writer.operationCount
    if let repeated = try sales.stage(
      code: header.number, line: header.line, operation: operation,
      fingerprint: digest.fingerprint, known: known)
    {
      try duplicate(header, repeated: repeated, payload: payload)
      return
    }
    if unchanged {
      counts.unchanged += 1
      return
    }
    if let customerId { KeyedConversion.appendField(&body, "accountId", customerId) }
    try payload.writer.write(
      PayloadOperation(
        action: .upsert, guid: digest.guid, extId: header.number, id: known?.smId, data: body,
        extra: lines))
    counts.emitted += 1
  }

  private func priceQuote(_ header: DocumentHeader, totals: DocumentTotals) throws {
    var data = JSONObject(capacity: 1024)
    data.string("reference", header.reference)
    data.string("extId", header.number)
    data.string("number", header.number)
    data.string("accountExtId", header.customer)
    data.string("salesRepExtId", header.representative)
    data.string("date", header.date)
    data.bool("readOnly", true)
    data.number("Z_TOTAL_HT", totals.withoutTax)
    data.number("Z_TOTAL_TVA", totals.tax)
    data.number("Z_TOTAL_TTC", header.totalWithTax ?? totals.withTax)
    data.string("Z_STATUT_DEVIS", header.quoteStatus)
    data.string("Z_REMARQUE", header.remark)
    if let rate = header.discountRate { data.number("discount1", rate) }
    let body = data.close()
    let lines = lineMember(negate: false)
    let digest = Digest.upsert(body + lines)
    let known = try salesOrders.known(header.number)
    if known.map({ $0.fingerprint == digest.fingerprint }) ?? false {
      counts.unchanged += 1
      _ = try salesOrders.stage(
        code: header.number, line: header.line, operation: nil, fingerprint: digest.fingerprint,
        known: known)
      return
    }
    guard !header.reference.isEmpty, let smId = try quotes.match(reference: header.reference)
    else {
      try report.note(
        RowIssue(
          line: header.line, key: header.number, field: DocumentFields.reference.label,
          severity: .warning, code: .unmatchedQuote,
          message: header.reference.isEmpty
            ? "the quote carries no SM reference in Référence pièce: it did not come from SM"
            : "no SM quote has this reference yet; the priced quote is kept and sent once it is known",
          value: header.reference))
      if !header.reference.isEmpty {
        try quotes.keepPending(
          reference: header.reference, piece: header.number, operation: body + [0x0A] + lines,
          batch: outputs.batch, line: header.line)
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
      fingerprint: digest.fingerprint, known: known, smId: smId)
    {
      try duplicate(header, repeated: repeated, payload: payload)
      return
    }
    try payload.writer.write(
      PayloadOperation(
        action: .upsert, guid: digest.guid, extId: header.number, id: smId, data: body,
        extra: lines))
    priced.append((header.reference, header.number, operation))
    counts.emitted += 1
  }

  private func duplicate(
    _ header: DocumentHeader, repeated: RecordStaging.Repeat, payload: PayloadFile?
  ) throws {
    try report.note(
      RowIssue(
        line: header.line, key: header.number, field: DocumentFields.number.label,
        severity: .error, code: .duplicateKey,
        message: "the number is also on line \(repeated.firstLine); both documents are left out",
        value: header.number))
    counts.rejected += 1
    guard repeated.isFirstRepeat else { return }
    try report.note(
      RowIssue(
        line: repeated.firstLine, key: header.number, field: DocumentFields.number.label,
        severity: .error, code: .duplicateKey,
        message: "the number is also on line \(header.line); both documents are left out",
        value: header.number))
    if let first = repeated.firstOperation, let payload {
      payload.removed.insert(first)
      counts.emitted -= 1
      counts.rejected += 1
    } else if !rejectedNumbers.contains(header.number) {
      counts.unchanged -= 1
      counts.rejected += 1
    }
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
