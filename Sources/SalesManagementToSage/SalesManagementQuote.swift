import Foundation
import PasserelleCore
import PasserelleReading

/// A quote created in Sales Management, read from its file: what the Sage quote
/// import needs, before references are checked against the manifest.
package struct SalesManagementQuote: Sendable {
  package struct Line: Sendable {
    package var product: SalesManagementReference
    package var quantity: Amount
    package var description: String
    package var order: Int
  }

  package var line: Int
  package var id: Int?
  /// The key of the round trip: written into Sage's `Référence pièce`.
  package var reference: String
  package var number: String
  package var account: SalesManagementReference
  package var salesRep: SalesManagementReference
  package var comment: String
  /// `dd/mm/yyyy`, or empty when SM gave no usable date.
  package var date: String
  /// `dateCreated` as SM wrote it.
  package var dateText: String
  package var deleted: Bool
  package var lines: [Line]
  package var issues: [RowIssue]

  /// Reads one `salesorders` record. Problems that make the quote unusable are
  /// errors: a half quote is worse than none.
  package init(_ object: [String: Any], line: Int) {
    self.line = line
    id = SalesManagementReference.integer(object["id"])
    let text = { (key: String) -> String in
      (object[key] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
        ?? SalesManagementReference.integer(object[key]).map(String.init) ?? ""
    }
    number = text("number")
    reference = Self.reference(of: object)
    account = .read(object, id: "accountId", extId: "accountExtId")
    salesRep = .read(object, id: "salesRepId", extId: "salesRepExtId")
    comment = text("comment")
    deleted = (object["deleted"] as? Bool) ?? false
    dateText = text("dateCreated")
    date = Self.frenchDate(dateText)
    issues = []
    lines = []
    func error(_ code: ReasonCode, _ field: String, _ message: MessageKey, _ value: String) {
      issues.append(
        RowIssue(
          line: line, key: reference, field: field, severity: .error, code: code,
          message: Message(message), value: value))
    }
    if reference.isEmpty {
      error(.missingKey, "reference", .quoteWithoutIds, "")
    }
    if deleted { return }
    if account == .none {
      error(.missingRequired, "accountId", .quoteWithoutCompany, "")
    }
    let rawLines = object["lines"] as? [[String: Any]] ?? []
    if rawLines.isEmpty {
      error(.missingRequired, "lines", .quoteWithoutLines, "")
    }
    for (index, raw) in rawLines.enumerated() {
      let product = SalesManagementReference.read(raw, id: "productId", extId: "productExtId")
      if product == .none {
        error(.missingRequired, "lines[\(index)].productId", .quoteLineWithoutArticle, "")
      }
      let quantityValue = raw["quantity"]
      let quantityText =
        (quantityValue as? NSNumber).map { "\($0)" } ?? (quantityValue as? String) ?? ""
      let quantity = Amount(literal: quantityText) ?? Amount(french: quantityText)
      if quantity == nil || quantity! <= .zero {
        error(
          .badNumber, "lines[\(index)].quantity", .quoteLineQuantity,
          quantityText)
      }
      lines.append(
        Line(
          product: product, quantity: quantity ?? .zero,
          description: (raw["description"] as? String) ?? "",
          order: SalesManagementReference.integer(raw["order"]) ?? index + 1))
    }
    lines.sort { $0.order < $1.order }
  }

  /// The key of the round trip: `reference`, else `SM-<id>`.
  package static func reference(of object: [String: Any]) -> String {
    let given = (object["reference"] as? String)?.trimmingCharacters(in: .whitespaces) ?? ""
    if !given.isEmpty { return given }
    return SalesManagementReference.integer(object["id"]).map { "SM-\($0)" } ?? ""
  }

  /// What SM sent, in one canonical form: the fingerprint of the quote.
  package var canonical: [UInt8] {
    func describe(_ reference: SalesManagementReference) -> String {
      switch reference {
      case .none: return ""
      case .id(let id): return "#\(id)"
      case .extId(let code): return code
      }
    }
    var parts = [reference, describe(account), describe(salesRep), comment, dateText]
    for line in lines {
      parts += [
        describe(line.product), line.quantity.literal, line.description, String(line.order),
      ]
    }
    return Array(parts.joined(separator: "\u{1F}").utf8)
  }

  /// "2026-11-28T10:15:00Z" → "28/11/2026"; empty when it is not such a date.
  static func frenchDate(_ iso: String) -> String {
    let parts = iso.prefix(10).split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      CalendarDate.isValid(year: year, month: month, day: day)
    else { return "" }
    return "\(parts[2])/\(parts[1])/\(parts[0])"
  }
}
