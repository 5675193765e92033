import Foundation
import PasserelleCore
import PasserelleReading

/// One commercial document made into what SM receives: its issues and, unless one
/// of them rejects it, its operation's data, lines and fingerprint. Pure, so that
/// a mapping thread can draft the documents its rows hold whole; what only the
/// manifest knows (the customer's SM id, what was last sent) is the conversion's.
package struct DocumentDraft: Sendable {
  /// A document longer than this is refused: a runaway export, not an invoice.
  package static let maximumLines = 10_000

  package let header: DocumentHeader
  /// The header's and the lines' issues, then the document's own.
  package let issues: [RowIssue]
  /// Nil when the document is not synchronised (`DocumentKind.other`) or an issue
  /// is an error.
  package let content: Content?

  package struct Content: Sendable {
    /// The operation's `data`, open for the customer's SM id.
    package let body: JSONObject
    /// `"lines": […]`, beside `data` in the operation.
    package let lines: [UInt8]
    package let fingerprint: Fingerprint
    package let guid: String
    /// The lines do not add up to the total the document declares: a warning, the
    /// document is sent all the same.
    package let totalsWarning: RowIssue?
  }

  /// `overflow`: lines beyond `maximumLines` were left out of `lines`.
  package init(header: DocumentHeader, lines: [DocumentLine], overflow: Bool) {
    self.header = header
    var issues = header.issues + lines.flatMap(\.issues)
    for line in lines where !line.number.isEmpty && line.number != header.number {
      issues.append(
        RowIssue(
          line: line.line, key: header.number, field: DocumentColumn.number.label,
          severity: .error, code: .foreignLine,
          message: Message(
            .foreignLine, ["number": .text(line.number), "document": .text(header.number)]),
          value: line.number))
    }
    if overflow {
      issues.append(
        RowIssue(
          line: header.line, key: header.number, field: "", severity: .error, code: .tooLarge,
          message: Message(.documentTooManyLines, ["limit": .number(Self.maximumLines)]),
          value: ""))
    }
    self.issues = issues
    guard header.kind != .other, !issues.contains(where: { $0.severity == .error }) else {
      content = nil
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
    var totalsWarning: RowIssue? = nil
    if let declared = declaredTotal,
      (declared - totals.withTax).magnitude > Amount(units: Amount.one / 100)
    {
      totalsWarning = RowIssue(
        line: header.line, key: header.number, field: DocumentColumn.totalWithTax.label,
        severity: .warning, code: .totalsMismatch,
        message: Message(
          .totalsMismatch,
          ["lines": .decimal(totals.withTax.literal), "declared": .decimal(declared.literal)]),
        value: declared.literal)
    }
    let body =
      header.kind == .quote
      ? Self.pricedQuoteData(header, totals: totals)
      : Self.saleData(header, totals: totals, declaredTotal: declaredTotal)
    let lineMember = Self.lineMember(lines, negate: negate)
    let digest = Digest.upsert(body, lineMember)
    content = Content(
      body: body, lines: lineMember, fingerprint: digest.fingerprint, guid: digest.guid,
      totalsWarning: totalsWarning)
  }

  private static func saleData(
    _ header: DocumentHeader, totals: DocumentTotals, declaredTotal: Amount?
  ) -> JSONObject {
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
    writeMentions(header, to: &data)
    return data
  }

  private static func pricedQuoteData(_ header: DocumentHeader, totals: DocumentTotals)
    -> JSONObject
  {
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
    writeMentions(header, to: &data)
    if let rate = header.discountRate { data.number("discount1", rate) }
    return data
  }

  /// The e-invoicing mentions of the `E` line that the export carries; a column the
  /// export lacks leaves its field out, so older export formats give the same payloads.
  private static func writeMentions(_ header: DocumentHeader, to data: inout JSONObject) {
    if let framework = header.billingFramework { data.string("Z_CADRE_FACTURATION", framework) }
    header.delivery.write(to: &data)
  }

  /// A line's members other than its texts: braces, order and five amounts.
  private static let lineAmountsBytes = 160

  /// SM takes the lines as separate records (sales order lines) or as a document to show.
  private static func lineMember(_ lines: [DocumentLine], negate: Bool) -> [UInt8] {
    func signed(_ value: Amount) -> Amount { negate ? -value : value }
    // Each line's texts, and room for its order and amounts: no growing halfway.
    var json = JSONBytes(
      capacity: lines.reduce(16) { $0 + $1.texts.byteCount + lineAmountsBytes })
    json.raw("\"lines\": [")
    for (index, line) in lines.enumerated() {
      if index > 0 { json.raw(", ") }
      json.raw("{\"order\": ")
      json.integer(line.order ?? index + 1)
      json.raw(line.texts.beforeAmounts)
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
      json.raw(line.texts.afterAmounts)
      json.raw("}")
    }
    json.raw("]")
    return json.bytes
  }

}
