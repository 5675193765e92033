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
    let format = FileFormat.sniff(path: path, bomLength: facts.bomLength)
    let reader: any RecordReader =
      format == .xml
      ? XMLRecordReader(path: path, facts: facts, limits: settings.limits)
      : CSVReader(path: path, facts: facts, limits: settings.limits)
    let assembler = try DocumentAssembler(db: db, outputs: outputs)
    let pipeline = RowPipeline<DocumentRow>(
      reader: reader, encoding: format == .xml ? .utf8 : facts.encoding)
    try pipeline.run(
      setup: { labels in
        let mapping = DocumentMapping(header: Header(labels: labels))
        let columns = labels.count
        return { row in
          let mapped = mapping.map(row)
          if let problem = ExportConversion.shapeProblem(row, columns: columns) {
            return .stray(
              RowIssue(
                line: row.line, key: "", field: "", severity: .error, code: .raggedRow,
                message: problem, value: ""))
          }
          return mapped
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
    return ExportConversion.Result(entity: .documents, counts: assembler.counts, outputs: produced)
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
      counts.rejected += 1
      // Staged without a fingerprint: a duplicate number is still caught.
      _ = try sales.stage(
        code: header.number, line: header.line, operation: nil, fingerprint: nil, known: nil)
      return
    }
    var totals = DocumentTotals.compute(lines, header: header)
    var sign: Decimal = 1
    if header.kind == .creditNote && totals.withoutTax > 0 { sign = -1 }
    if let declared = header.totalWithTax {
      let difference = abs(declared) - abs(totals.withTax)
      if abs(difference) > Decimal(string: "0.01")! {
        issues.append(
          RowIssue(
            line: header.line, key: header.number, field: DocumentFields.totalWithTax.label,
            severity: .warning, code: .totalsMismatch,
            message:
              "the lines add up to \(Self.literal(totals.withTax)) with tax; the document says \(Self.literal(declared))",
            value: Self.literal(declared)))
      }
    }
    totals.withoutTax *= sign
    totals.tax *= sign
    for issue in issues { try report.note(issue) }
    if header.kind == .quote {
      try priceQuote(header, totals: totals, sign: sign)
    } else {
      try emitSale(header, totals: totals, sign: sign, customerId: customerId)
    }
  }

  /// The document's lines, beside `data` in the operation (`"lines": […]`): SM
  /// takes them as separate records (sales order lines) or as a document to show.
  private func lineMember(sign: Decimal) -> [UInt8] {
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
      json.number(Self.literal(line.quantity * sign))
      json.raw(", \"price\": ")
      json.number(Self.literal(line.unitPrice))
      json.raw(", \"discount1\": ")
      json.number(Self.literal(line.discountRate))
      json.raw(", \"vatRate\": ")
      json.number(Self.literal(line.vatRate))
      json.raw(", \"total\": ")
      json.number(Self.literal(DocumentTotals.lineAmount(line) * sign))
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
    _ header: DocumentHeader, totals: DocumentTotals, sign: Decimal, customerId: Int?
  ) throws {
    var data = JSONObject(capacity: 1024)
    data.string("extId", header.number)
    data.string("accountExtId", header.customer)
    data.string("salesRepExtId", header.representative)
    data.string("date", header.date)
    data.number("total", literal: Self.literal(totals.withoutTax))
    data.bool("readOnly", true)
    data.string("Z_TYPE_PIECE", header.kind.rawValue)
    data.number("Z_TOTAL_HT", literal: Self.literal(totals.withoutTax))
    data.number("Z_TOTAL_TVA", literal: Self.literal(totals.tax))
    data.number(
      "Z_TOTAL_TTC",
      literal: Self.literal(header.totalWithTax.map { abs($0) * sign } ?? totals.withTax))
    data.string("Z_DATE_ECHEANCE", header.dueDate)
    data.string("Z_STATUT", header.settled ? "Soldée" : header.validated ? "Validée" : "Brouillon")
    data.string("Z_MODE_PAIEMENT", header.paymentMode)
    data.string("Z_REFERENCE", header.reference)
    data.string("Z_REMARQUE", header.remark)
    var body = data.close()
    let lines = lineMember(sign: sign)
    let digest = Digest.upsert(body + lines)
    let known = try sales.known(header.number)
    let unchanged = known.map { !$0.deleted && $0.fingerprint == digest.fingerprint } ?? false
    if salesPayload == nil {
      salesPayload = try outputs.payload(resource: "sales", entity: .documents)
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

  private func priceQuote(_ header: DocumentHeader, totals: DocumentTotals, sign: Decimal) throws {
    var data = JSONObject(capacity: 1024)
    data.string("reference", header.reference)
    data.string("extId", header.number)
    data.string("number", header.number)
    data.string("accountExtId", header.customer)
    data.string("salesRepExtId", header.representative)
    data.string("date", header.date)
    data.bool("readOnly", true)
    data.number("Z_TOTAL_HT", literal: Self.literal(totals.withoutTax))
    data.number("Z_TOTAL_TVA", literal: Self.literal(totals.tax))
    data.number(
      "Z_TOTAL_TTC", literal: Self.literal(header.totalWithTax ?? totals.withTax))
    data.string("Z_STATUT_DEVIS", header.quoteStatus)
    data.string("Z_REMARQUE", header.remark)
    if let rate = header.discountRate { data.number("discount1", literal: Self.literal(rate)) }
    let body = data.close()
    let lines = lineMember(sign: sign)
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
      salesOrdersPayload = try outputs.payload(resource: "salesorders", entity: .documents)
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
    try quotes.markPriced(
      reference: header.reference, piece: header.number, batch: outputs.batch, at: outputs.createdAt
    )
    counts.emitted += 1
  }

  private func duplicate(
    _ header: DocumentHeader, repeated: RecordStaging.Repeat, payload: PayloadFile
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
    if let first = repeated.firstOperation {
      payload.removed.insert(first)
      counts.emitted -= 1
      counts.rejected += 1
    } else {
      counts.unchanged -= 1
      counts.rejected += 1
    }
  }

  func finish() throws -> [BatchOutput] {
    counts.warnings = report.warnings
    var produced: [BatchOutput] = []
    if let output = try salesPayload?.finish() { produced.append(output) }
    if let output = try salesOrdersPayload?.finish() { produced.append(output) }
    if let output = try report.finish() { produced.append(output) }
    try sales.commit(deletions: 0)
    try salesOrders.commit(deletions: 0)
    return produced
  }

  /// A decimal as a JSON number ("12.5", "-3").
  static func literal(_ value: Decimal) -> String {
    var value = value
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 3, .plain)
    return "\(rounded)"
  }
}
