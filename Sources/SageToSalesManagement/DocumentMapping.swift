import PasserelleCore
import PasserelleReading

/// Reads one row of the `E`/`L` documents export. Rows are mapped one by one (on
/// worker threads); the conversion groups them into documents in file order.
package struct DocumentMapping: Sendable {
  private let columns: ColumnPositions<DocumentColumn>

  package init(header: Header) {
    columns = ColumnPositions(header)
  }

  package func map(_ row: SourceRow) -> DocumentRow {
    var reader = RowValues(row: row, key: "")
    let number = reader.text(columns[.number])
    reader.key = number
    // One letter, either case: read from the row's bytes, as every line has one.
    let lineType = reader.raw(columns[.lineType])
    switch lineType.count == 1 ? lineType[0] | 0x20 : 0 {
    case UInt8(ascii: "e"): return .header(header(&reader, number: number))
    case UInt8(ascii: "l"): return .line(line(&reader, number: number))
    default:
      return .stray(
        RowIssue(
          line: row.line, key: number, field: DocumentColumn.lineType.label, severity: .error,
          code: .missingRequired,
          message: Message(.lineTypeUnknown),
          value: reader.text(columns[.lineType])))
    }
  }

  private func header(_ reader: inout RowValues, number: String) -> DocumentHeader {
    let kindText = reader.text(columns[.documentType])
    let kind = DocumentKind(kindText)
    if number.isEmpty && kind != .other {
      reader.error(.missingKey, DocumentColumn.number.field, Message(.documentNoNumber), "")
    }
    let customer = reader.text(columns[.customer])
    if customer.isEmpty && kind != .other {
      reader.error(
        .missingRequired, DocumentColumn.customer.field, Message(.documentNoCustomer), "")
    }
    let dateText = reader.text(columns[.date])
    var date = ""
    if let parsed = FrenchValue.date(dateText) {
      date = parsed.iso
    } else if kind != .other {
      reader.error(
        dateText.isEmpty ? .missingRequired : .badDate, DocumentColumn.date.field,
        Message(dateText.isEmpty ? .documentNoDate : .notADate), dateText)
    }
    var dueDate = ""
    let dueText = reader.text(columns[.dueDate])
    if !dueText.isEmpty {
      if let parsed = FrenchValue.date(dueText) {
        dueDate = parsed.iso
      } else {
        reader.warning(.badDate, DocumentColumn.dueDate.field, Message(.notADateLeftOut), dueText)
      }
    }
    return DocumentHeader(
      line: reader.row.line, number: number, kind: kind, kindText: kindText, date: date,
      customer: customer, representative: reader.listValue(columns[.representative]),
      reference: reader.text(columns[.reference]), remark: reader.text(columns[.remark]),
      dueDate: dueDate, paymentMode: reader.listValue(columns[.paymentMode]),
      quoteStatus: reader.listValue(columns[.quoteStatus]),
      validated: reader.boolean(columns[.validated], DocumentColumn.validated.field),
      settled: reader.boolean(columns[.settled], DocumentColumn.settled.field),
      discountRate: reader.amount(
        columns[.documentDiscountRate], DocumentColumn.documentDiscountRate.field),
      discountAmount: reader.amount(
        columns[.documentDiscountAmount], DocumentColumn.documentDiscountAmount.field),
      shippingWithoutVAT: reader.amount(
        columns[.shippingWithoutVAT], DocumentColumn.shippingWithoutVAT.field),
      shippingSubjectToVAT: reader.amount(
        columns[.shippingSubjectToVAT], DocumentColumn.shippingSubjectToVAT.field),
      shippingVATRate: reader.amount(
        columns[.shippingVATRate], DocumentColumn.shippingVATRate.field),
      totalWithTax: reader.amount(columns[.totalWithTax], DocumentColumn.totalWithTax.field),
      billingFramework: reader.presentListValue(columns[.billingFramework]),
      delivery: DocumentDelivery(reader, columns), issues: reader.issues)
  }

  private func line(_ reader: inout RowValues, number: String) -> DocumentLine {
    let quantity = reader.amount(columns[.quantity], DocumentColumn.quantity.field) ?? .zero
    let flaggedComment = reader.boolean(columns[.isComment], DocumentColumn.isComment.field)
    // Sage refuses quantity-0 lines unless they are comments: read them as such.
    let isComment = flaggedComment || (quantity == .zero && !reader.hasError)
    let orderText = reader.text(columns[.lineNumber])
    return DocumentLine(
      line: reader.row.line, number: number, quantity: quantity,
      unitPrice: reader.amount(columns[.unitPrice], DocumentColumn.unitPrice.field) ?? .zero,
      unitDiscount: reader.amount(columns[.lineUnitDiscount], DocumentColumn.lineUnitDiscount.field)
        ?? .zero,
      discountRate: reader.amount(columns[.lineDiscountRate], DocumentColumn.lineDiscountRate.field)
        ?? .zero,
      vatRate: reader.amount(columns[.vatRate], DocumentColumn.vatRate.field) ?? .zero,
      order: Int(orderText),
      texts: DocumentLineTexts(
        article: reader.raw(columns[.article]), description: reader.raw(columns[.description]),
        unit: reader.rawListValue(columns[.unit]), isComment: isComment,
        vatCategory: columns[.vatCategory].map { reader.rawListValue($0) },
        vatExemptionReason: columns[.vatExemptionReason].map { reader.rawListValue($0) },
        encoding: reader.row.encoding),
      issues: reader.issues)
  }
}

extension RowValues {
  /// A text column's value, nil when the export has no such column.
  func presentText(_ column: Int?) -> String? { column.map { text($0) } }

  /// A value-list column's value (`Aucun` read as empty), nil when the export has
  /// no such column.
  func presentListValue(_ column: Int?) -> String? { column.map { listValue($0) } }

  /// An amount of a document: unreadable is an error, since totals depend on it.
  mutating func amount(_ column: Int?, _ field: @autoclosure () -> FieldLabel) -> Amount? {
    let bytes = self.raw(column)
    if bytes.isEmpty { return nil }
    if let plain = Amount(plainFrench: bytes) { return plain }
    let raw = text(column)
    if let value = Amount(french: raw) { return value }
    error(.badNumber, field(), Message(.notAnAmount), raw)
    return nil
  }
}
