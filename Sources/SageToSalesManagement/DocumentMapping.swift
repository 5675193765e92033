import PasserelleCore
import PasserelleReading

/// Reads one row of the `E`/`L` documents export. Rows are mapped one by one (on
/// worker threads); the conversion groups them into documents in file order.
package struct DocumentMapping: Sendable {
  struct Columns: Sendable {
    var lineType, documentType, number, date, reference, remark, representative, customer: Int?
    var paymentMode, dueDate, validated, settled, quoteStatus, documentDiscountRate: Int?
    var documentDiscountAmount, totalWithTax, article, quantity, unitPrice, vatRate: Int?
    var isComment, description, lineDiscountRate, lineUnitDiscount, lineNumber, unit: Int?
    var shippingWithoutVAT, shippingSubjectToVAT, shippingVATRate: Int?
  }
  private let columns: Columns

  package init(header: Header) {
    typealias F = DocumentFields
    columns = Columns(
      lineType: header.column(F.lineType), documentType: header.column(F.documentType),
      number: header.column(F.number), date: header.column(F.date),
      reference: header.column(F.reference), remark: header.column(F.remark),
      representative: header.column(F.representative), customer: header.column(F.customer),
      paymentMode: header.column(F.paymentMode), dueDate: header.column(F.dueDate),
      validated: header.column(F.validated), settled: header.column(F.settled),
      quoteStatus: header.column(F.quoteStatus),
      documentDiscountRate: header.column(F.documentDiscountRate),
      documentDiscountAmount: header.column(F.documentDiscountAmount),
      totalWithTax: header.column(F.totalWithTax), article: header.column(F.article),
      quantity: header.column(F.quantity), unitPrice: header.column(F.unitPrice),
      vatRate: header.column(F.vatRate), isComment: header.column(F.isComment),
      description: header.column(F.description),
      lineDiscountRate: header.column(F.lineDiscountRate),
      lineUnitDiscount: header.column(F.lineUnitDiscount),
      lineNumber: header.column(F.lineNumber), unit: header.column(F.unit),
      shippingWithoutVAT: header.column(F.shippingWithoutVAT),
      shippingSubjectToVAT: header.column(F.shippingSubjectToVAT),
      shippingVATRate: header.column(F.shippingVATRate))
  }

  package func map(_ row: SourceRow) -> DocumentRow {
    var reader = RowValues(row: row, key: "")
    let number = reader.text(columns.number)
    reader.key = number
    switch reader.text(columns.lineType).uppercased() {
    case "E": return .header(header(&reader, number: number))
    case "L": return .line(line(&reader, number: number))
    default:
      return .stray(
        RowIssue(
          line: row.line, key: number, field: DocumentFields.lineType.label, severity: .error,
          code: .missingRequired,
          message: "Type de Ligne must be E (document) or L (document line); row left out",
          value: reader.text(columns.lineType)))
    }
  }

  private func header(_ reader: inout RowValues, number: String) -> DocumentHeader {
    let kindText = reader.text(columns.documentType)
    let kind = DocumentKind(kindText)
    if number.isEmpty && kind != .other {
      reader.error(.missingKey, DocumentFields.number, "the document has no N° pièce", "")
    }
    let customer = reader.text(columns.customer)
    if customer.isEmpty && kind != .other {
      reader.error(.missingRequired, DocumentFields.customer, "the document names no customer", "")
    }
    let dateText = reader.text(columns.date)
    var date = ""
    if let parsed = FrenchValue.date(dateText) {
      date = parsed.iso
    } else if kind != .other {
      reader.error(
        dateText.isEmpty ? .missingRequired : .badDate, DocumentFields.date,
        dateText.isEmpty ? "the document has no date" : "not a date (dd/mm/yyyy)", dateText)
    }
    var dueDate = ""
    let dueText = reader.text(columns.dueDate)
    if !dueText.isEmpty {
      if let parsed = FrenchValue.date(dueText) {
        dueDate = parsed.iso
      } else {
        reader.warning(.badDate, DocumentFields.dueDate, "not a date; left out", dueText)
      }
    }
    return DocumentHeader(
      line: reader.row.line, number: number, kind: kind, kindText: kindText, date: date,
      customer: customer, representative: reader.listValue(columns.representative),
      reference: reader.text(columns.reference), remark: reader.text(columns.remark),
      dueDate: dueDate, paymentMode: reader.listValue(columns.paymentMode),
      quoteStatus: reader.listValue(columns.quoteStatus),
      validated: reader.boolean(columns.validated, DocumentFields.validated),
      settled: reader.boolean(columns.settled, DocumentFields.settled),
      discountRate: reader.amount(
        columns.documentDiscountRate, DocumentFields.documentDiscountRate),
      discountAmount: reader.amount(
        columns.documentDiscountAmount, DocumentFields.documentDiscountAmount),
      shippingWithoutVAT: reader.amount(
        columns.shippingWithoutVAT, DocumentFields.shippingWithoutVAT),
      shippingSubjectToVAT: reader.amount(
        columns.shippingSubjectToVAT, DocumentFields.shippingSubjectToVAT),
      shippingVATRate: reader.amount(columns.shippingVATRate, DocumentFields.shippingVATRate),
      totalWithTax: reader.amount(columns.totalWithTax, DocumentFields.totalWithTax),
      issues: reader.issues)
  }

  private func line(_ reader: inout RowValues, number: String) -> DocumentLine {
    let quantity = reader.amount(columns.quantity, DocumentFields.quantity) ?? .zero
    let flaggedComment = reader.boolean(columns.isComment, DocumentFields.isComment)
    let article = reader.text(columns.article)
    // Sage refuses quantity-0 lines unless they are comments: read them as such.
    let isComment = flaggedComment || (quantity == .zero && !reader.hasError)
    let orderText = reader.text(columns.lineNumber)
    return DocumentLine(
      line: reader.row.line, number: number, article: article,
      description: reader.text(columns.description), unit: reader.listValue(columns.unit),
      quantity: quantity,
      unitPrice: reader.amount(columns.unitPrice, DocumentFields.unitPrice) ?? .zero,
      unitDiscount: reader.amount(columns.lineUnitDiscount, DocumentFields.lineUnitDiscount)
        ?? .zero,
      discountRate: reader.amount(columns.lineDiscountRate, DocumentFields.lineDiscountRate)
        ?? .zero,
      vatRate: reader.amount(columns.vatRate, DocumentFields.vatRate) ?? .zero,
      isComment: isComment, order: Int(orderText), issues: reader.issues)
  }
}

extension RowValues {
  /// An amount of a document: unreadable is an error, since totals depend on it.
  mutating func amount(_ column: Int?, _ field: FieldLabel) -> Amount? {
    let raw = text(column)
    if raw.isEmpty { return nil }
    if let value = Amount(french: raw) { return value }
    error(.badNumber, field, "not a number (or beyond a billion)", raw)
    return nil
  }
}
