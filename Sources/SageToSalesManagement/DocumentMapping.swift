import PasserelleCore
import PasserelleReading

/// What a commercial document is, from `Type de pièce`.
public enum DocumentKind: String, Sendable {
  case invoice = "Facture"
  case creditNote = "Avoir"
  case quote = "Devis"
  /// Orders and delivery notes: not synchronised.
  case other

  init(_ text: String) {
    switch LabelKey.normalise(text) {
    case "facture": self = .invoice
    case "avoir": self = .creditNote
    case "devis": self = .quote
    default: self = .other
    }
  }
}

/// The `E` line of a document, its values read and checked.
public struct DocumentHeader: Sendable {
  public var line: Int
  public var number: String
  public var kind: DocumentKind
  public var kindText: String
  public var date: String
  public var customer: String
  public var representative: String
  public var reference: String
  public var remark: String
  public var dueDate: String
  public var paymentMode: String
  public var quoteStatus: String
  public var validated: Bool
  public var settled: Bool
  public var discountRate: Amount?
  public var discountAmount: Amount?
  /// Shipping without VAT, and shipping subject to VAT at its own rate.
  public var shippingWithoutVAT: Amount?
  public var shippingSubjectToVAT: Amount?
  public var shippingVATRate: Amount?
  public var totalWithTax: Amount?
  public var issues: [RowIssue]
}

/// An `L` line of a document.
public struct DocumentLine: Sendable {
  public var line: Int
  public var number: String
  public var article: String
  public var description: String
  public var unit: String
  public var quantity: Amount
  public var unitPrice: Amount
  public var unitDiscount: Amount
  public var discountRate: Amount
  public var vatRate: Amount
  public var isComment: Bool
  public var order: Int?
  public var issues: [RowIssue]
}

public enum DocumentRow: Sendable {
  case header(DocumentHeader)
  case line(DocumentLine)
  /// A row that is neither `E` nor `L`.
  case stray(RowIssue)

  /// The N° pièce the row names, if any.
  package var number: String {
    switch self {
    case .header(let header): header.number
    case .line(let line): line.number
    case .stray(let issue): issue.key
    }
  }

  /// The row with one more issue: a broken `E` or `L` row still belongs to its
  /// document, which the issue then rejects.
  package func adding(_ issue: RowIssue) -> DocumentRow {
    switch self {
    case .header(var header):
      header.issues.append(issue)
      return .header(header)
    case .line(var line):
      line.issues.append(issue)
      return .line(line)
    case .stray: return self
    }
  }
}

/// Reads one row of the `E`/`L` documents export. Rows are mapped one by one (on
/// worker threads); the conversion groups them into documents in file order.
public struct DocumentMapping: Sendable {
  struct Columns: Sendable {
    var lineType, documentType, number, date, reference, remark, representative, customer: Int?
    var paymentMode, dueDate, validated, settled, quoteStatus, documentDiscountRate: Int?
    var documentDiscountAmount, totalWithTax, article, quantity, unitPrice, vatRate: Int?
    var isComment, description, lineDiscountRate, lineUnitDiscount, lineNumber, unit: Int?
    var shippingWithoutVAT, shippingSubjectToVAT, shippingVATRate: Int?
  }
  private let columns: Columns

  public init(header: Header) {
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

  public func map(_ row: SourceRow) -> DocumentRow {
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

/// The totals of a document computed from its lines, the way French invoices
/// add up: each line's amount without tax rounded to the cent, VAT computed per
/// rate on the sum of its lines and rounded, a document discount applied per rate,
/// shipping added after the discount (subject to VAT at its own rate, or not).
public struct DocumentTotals: Sendable, Equatable {
  public var withoutTax: Amount
  public var tax: Amount
  public var withTax: Amount { withoutTax + tax }

  public static func lineAmount(_ line: DocumentLine) -> Amount {
    if line.isComment { return .zero }
    return (line.unitPrice - line.unitDiscount).times(
      line.quantity, percent: Amount(100) - line.discountRate, places: 2)
  }

  public static func compute(_ lines: [DocumentLine], header: DocumentHeader) -> DocumentTotals {
    // Few rates per document: a small array keeps their order without a dictionary.
    var bases: [(rate: Amount, base: Amount)] = []
    for line in lines where !line.isComment {
      let amount = lineAmount(line)
      if let index = bases.firstIndex(where: { $0.rate == line.vatRate }) {
        bases[index].base += amount
      } else {
        bases.append((line.vatRate, amount))
      }
    }
    var withoutTax = Amount.zero
    var tax = Amount.zero
    var gross = Amount.zero
    for entry in bases { gross += entry.base }
    var nets: [(rate: Amount, net: Amount)] = bases.map { rate, base in
      var net = base
      if let discountRate = header.discountRate, discountRate != .zero {
        net = base.times(Amount(1), percent: Amount(100) - discountRate, places: 2)
      } else if let amount = header.discountAmount, amount != .zero, gross != .zero {
        net = base - amount.scaled(by: base, over: gross, places: 2)
      }
      return (rate, net)
    }
    if let shipping = header.shippingSubjectToVAT, shipping != .zero {
      let rate = header.shippingVATRate ?? .zero
      if let index = nets.firstIndex(where: { $0.rate == rate }) {
        nets[index].net += shipping
      } else {
        nets.append((rate, shipping))
      }
    }
    for (rate, net) in nets {
      withoutTax += net
      tax += net.times(Amount(1), percent: rate, places: 2)
    }
    if let shipping = header.shippingWithoutVAT { withoutTax += shipping }
    return DocumentTotals(withoutTax: withoutTax, tax: tax)
  }
}
