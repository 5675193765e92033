@testable import PasserelleCore
@testable import SageToSalesManagement

extension DocumentLineTexts {
  /// Texts given decoded, as a test writes them: read as a UTF-8 export's bytes.
  init(
    article: String, description: String, unit: String, isComment: Bool,
    vatCategory: String? = nil, vatExemptionReason: String? = nil
  ) {
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []
    for value in [article, description, unit, vatCategory ?? "", vatExemptionReason ?? ""] {
      ranges.append(bytes.count..<bytes.count + value.utf8.count)
      bytes += value.utf8
    }
    self = bytes.withUnsafeBytes { all in
      func part(_ index: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: all[ranges[index]])
      }
      return DocumentLineTexts(
        article: part(0), description: part(1), unit: part(2), isComment: isComment,
        vatCategory: vatCategory.map { _ in part(3) },
        vatExemptionReason: vatExemptionReason.map { _ in part(4) }, encoding: .utf8)
    }
  }
}

extension DocumentLine {
  /// A line whose texts are given decoded.
  init(
    line: Int, number: String, article: String, description: String, unit: String,
    quantity: Amount, unitPrice: Amount, unitDiscount: Amount, discountRate: Amount,
    vatRate: Amount, isComment: Bool, order: Int?, issues: [RowIssue]
  ) {
    self.init(
      line: line, number: number, quantity: quantity, unitPrice: unitPrice,
      unitDiscount: unitDiscount, discountRate: discountRate, vatRate: vatRate, order: order,
      texts: DocumentLineTexts(
        article: article, description: description, unit: unit, isComment: isComment),
      issues: issues)
  }
}
