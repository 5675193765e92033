import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SalesManagementToSage

/// Writes the quotes of one SM file into a Sage quote import, one at a time.
final class QuoteImport {
  let conversion: SalesManagementConversion
  let outputs: ConversionOutputs
  let report: ReportFile
  let references: ReferenceLookup
  let quotes: QuoteBook
  private let importFile: SageImportFile
  private var released: PayloadFile? = nil
  private(set) var counts = BatchCounts()
  private let decimalSeparator: UInt8

  /// References given to more than one quote of the file.
  let repeated: Set<String>

  init(db: ManifestTransaction, conversion: SalesManagementConversion, repeated: Set<String>) throws
  {
    self.conversion = conversion
    self.repeated = repeated
    outputs = conversion.outputs
    report = ReportFile(outputs: outputs)
    references = try ReferenceLookup(db: db)
    quotes = QuoteBook(db: db)
    importFile = SageImportFile(
      folder: conversion.sageFolder, batch: outputs.batch, suffix: "devis",
      labels: SalesManagementConversion.quoteLabels)
    decimalSeparator = conversion.settings.sageDecimalSeparator
  }

  private func issue(
    _ quote: SalesManagementQuote, _ severity: Severity, _ code: ReasonCode, _ field: String,
    _ message: Message, _ value: String
  ) -> RowIssue {
    RowIssue(
      line: quote.line, key: quote.reference, field: field, severity: severity, code: code,
      message: message, value: value)
  }

  /// The Sage code behind a reference, or nil (and an issue) when nobody knows it.
  private func code(
    of reference: SalesManagementReference, resource: String, noun: MessageKey, field: String,
    in quote: SalesManagementQuote, issues: inout [RowIssue]
  ) throws -> String? {
    switch reference {
    case .none: return nil
    case .extId(let code):
      if case .known = try references.find(resource: resource, code: code) { return code }
      issues.append(
        issue(
          quote, .error, .unknownReference, field,
          Message(.unknownCodeInManifest, ["record": .message(Message(noun))]), code))
    case .id(let id):
      if let code = try references.code(resource: resource, smId: id) { return code }
      issues.append(
        issue(
          quote, .error, .unknownReference, field,
          Message(.unknownSalesManagementId, ["record": .message(Message(noun))]),
          String(id)))
    }
    return nil
  }

  /// The Sage codes a quote's rows name, found while it is checked.
  private struct SageCodes {
    var account: String?
    var articles: [String]
    var representative: String
  }

  func take(_ record: JSONRecordReader.Record) throws {
    counts.read += 1
    let quote = SalesManagementQuote(record.object, line: record.line)
    var issues = quote.issues
    if repeated.contains(quote.reference) {
      issues.append(
        issue(
          quote, .error, .duplicateKey, "reference",
          Message(.quoteReferenceRepeated),
          quote.reference))
    }
    if quote.deleted && !issues.contains(where: { $0.severity == .error }) {
      return try skipDeletion(quote)
    }
    let codes = try check(quote, issues: &issues)
    if issues.contains(where: { $0.severity == .error }) {
      for issue in issues { try report.note(issue) }
      counts.rejected += 1
      return
    }
    // What SM sent, not what was written: the same file dropped again another day
    // or after a new user map is still the same quote.
    let fingerprint = Digest.upsert(quote.canonical).fingerprint
    if try settleKnownQuote(quote, fingerprint: fingerprint, issues: issues) { return }
    try writeRows(of: quote, codes: codes, issues: &issues)
    for issue in issues { try report.note(issue) }
    try quotes.recordSent(
      reference: quote.reference, smId: quote.id, fingerprint: fingerprint,
      batch: outputs.batch, at: outputs.createdAt)
    counts.emitted += 1
  }

  /// A deletion stays in SM (`docs/sync-rules.md`): it is only noted.
  private func skipDeletion(_ quote: SalesManagementQuote) throws {
    try report.note(
      issue(
        quote, .warning, .deletionNotPropagated, "deleted",
        Message(.deletedInSalesManagement), quote.reference))
    counts.unchanged += 1
  }

  /// Checks what Sage needs of the quote and finds the codes its rows name; what is
  /// wrong goes to `issues`, in the order the report has always listed it.
  private func check(_ quote: SalesManagementQuote, issues: inout [RowIssue]) throws -> SageCodes {
    // The reference must reach Sage unchanged: the priced quote is matched by it.
    let encodedReference = SageImportWriter.encode(quote.reference)
    if encodedReference.replaced || encodedReference.transliterated
      || encodedReference.flattened
    {
      issues.append(
        issue(
          quote, .error, .textNotRepresentable, "reference",
          Message(.quoteReferenceNotRepresentable),
          quote.reference))
    }
    let account = try code(
      of: quote.account, resource: "accounts", noun: .theCustomerOrProspect, field: "accountId",
      in: quote, issues: &issues)
    var articles: [String] = []
    for (index, line) in quote.lines.enumerated() {
      let article = try code(
        of: line.product, resource: "products", noun: .theArticle,
        field: "lines[\(index)].productId", in: quote, issues: &issues)
      articles.append(article ?? "")
      // Sage keeps three decimals of a quantity: more would be rounded away.
      if line.quantity.units % 1_000 != 0 {
        issues.append(
          issue(
            quote, .error, .badNumber, "lines[\(index)].quantity",
            Message(.quantityTooPrecise), line.quantity.literal))
      }
    }
    let representative = try representativeCode(of: quote, issues: &issues)
    if !quote.dateText.isEmpty && quote.date.isEmpty {
      issues.append(
        issue(
          quote, .warning, .badDate, "dateCreated",
          Message(.quoteDateNotISO), quote.dateText))
    }
    return SageCodes(account: account, articles: articles, representative: representative)
  }

  /// A quote that already went to Sage is not imported again (Sage would make a
  /// second one): a priced copy waiting for it is released, an unchanged one is
  /// left, a changed one is refused. True when the quote is settled so.
  private func settleKnownQuote(
    _ quote: SalesManagementQuote, fingerprint: Fingerprint, issues: [RowIssue]
  ) throws -> Bool {
    if let pending = try quotes.pending(reference: quote.reference) {
      // Sage already holds and priced this quote: it is not imported a second time.
      for issue in issues { try report.note(issue) }
      try quotes.recordSent(
        reference: quote.reference, smId: quote.id, fingerprint: fingerprint,
        batch: outputs.batch, at: outputs.createdAt)
      try release(quote, pending: pending)
      counts.emitted += 1
      return true
    }
    guard let sent = try quotes.sent(reference: quote.reference) else { return false }
    for issue in issues { try report.note(issue) }
    if sent.fingerprint == fingerprint {
      counts.unchanged += 1
      return true
    }
    try report.note(
      issue(
        quote, .error, .conflict, "reference",
        Message(
          .quoteAlreadyInSage, ["batch": .text(sent.batch ?? "?"), "state": .text("\(sent.state)")]),
        quote.reference))
    counts.rejected += 1
    return true
  }

  /// The quote's `E` row then one `L` row per line, in the import's columns; a
  /// value Sage's encoding cannot hold is written replaced, with a warning.
  private func writeRows(
    of quote: SalesManagementQuote, codes: SageCodes, issues: inout [RowIssue]
  ) throws {
    let date = quote.date.isEmpty ? Timestamp.french(outputs.createdAt) : quote.date
    var rows: [[String]] = [
      [
        "E", "Devis", "", date, quote.reference, quote.comment, codes.representative,
        codes.account ?? "",
      ]
        + Array(repeating: "", count: 4)
    ]
    for (index, line) in quote.lines.enumerated() {
      var quantity = Array(line.quantity.literal.utf8)
      if let dot = quantity.firstIndex(of: UInt8(ascii: ".")) { quantity[dot] = decimalSeparator }
      rows.append(
        ["L", "Devis"] + Array(repeating: "", count: 6) + [
          codes.articles[index], String(decoding: quantity, as: UTF8.self), line.description,
          String(line.order),
        ])
    }
    for row in rows {
      var encodedRow: [[UInt8]] = []
      for (column, value) in row.enumerated() {
        let encoded = SageImportFile.prepare(value)
        if encoded.written.replaced {
          issues.append(
            SageImportFile.replacedIssue(
              line: quote.line, key: quote.reference,
              field: SalesManagementConversion.quoteLabels[column], value: value))
        }
        encodedRow.append(encoded.bytes)
      }
      try importFile.write(encodedRow)
    }
  }

  /// The Sage code of the quote's representative: checked like the other codes,
  /// but a quote is still worth sending without one.
  private func representativeCode(
    of quote: SalesManagementQuote, issues: inout [RowIssue]
  ) throws -> String {
    var found: String? = nil
    var shown = ""
    switch quote.salesRep {
    case .none: return ""
    case .extId(let code):
      shown = code
      if case .known = try references.find(resource: "users", code: code) { found = code }
    case .id(let id):
      shown = String(id)
      found = try references.code(resource: "users", smId: id)
    }
    guard let found else {
      issues.append(
        issue(
          quote, .warning, .unmappedValue, "salesRepId",
          Message(.quoteRepresentativeUnknown),
          shown))
      return ""
    }
    return found
  }

  /// A priced quote Sage sent back before this SM quote was known goes out now,
  /// recorded as sent so that Sage's next export of it changes nothing.
  private func release(
    _ quote: SalesManagementQuote, pending: (piece: String, operation: Data)
  ) throws {
    let stored = [UInt8](pending.operation)
    let split = stored.firstIndex(of: 0x0A) ?? stored.count
    let data = Array(stored[..<split])
    let lines = split < stored.count ? Array(stored[(split + 1)...]) : []
    // The same digest as when Sage's export sends it directly.
    let digest = Digest.upsert(data, lines)
    if released == nil {
      released = try outputs.payload(resource: "salesorders", entity: "salesorders")
    }
    try released!.writer.write(
      PayloadOperation(
        action: .upsert, guid: digest.guid, extId: pending.piece, id: quote.id,
        data: data, extra: lines.isEmpty ? nil : lines))
    try quotes.markPriced(
      reference: quote.reference, piece: pending.piece, batch: outputs.batch,
      at: outputs.createdAt)
    try quotes.recordReleased(
      piece: pending.piece, smId: quote.id, fingerprint: digest.fingerprint,
      batch: outputs.batch)
  }

  func finish() throws -> [BatchOutput] {
    counts.warnings = report.warnings
    var produced: [BatchOutput] = []
    if let output = try importFile.finish() { produced.append(output) }
    if let output = try released?.finish() { produced.append(output) }
    if let output = try report.finish() { produced.append(output) }
    return produced
  }
}
