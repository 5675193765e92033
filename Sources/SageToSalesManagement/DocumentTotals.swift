import PasserelleCore
import PasserelleReading

/// The totals of a document computed from its lines, the way French invoices
/// add up: each line's amount without tax rounded to the cent, VAT computed per
/// rate on the sum of its lines and rounded, a document discount applied per rate,
/// shipping added after the discount (subject to VAT at its own rate, or not).
package struct DocumentTotals: Sendable, Equatable {
  package var withoutTax: Amount
  package var tax: Amount
  package var withTax: Amount { withoutTax + tax }

  package static func lineAmount(_ line: DocumentLine) -> Amount {
    if line.isComment { return .zero }
    return (line.unitPrice - line.unitDiscount).times(
      line.quantity, percent: Amount(100) - line.discountRate, places: 2)
  }

  package static func compute(_ lines: [DocumentLine], header: DocumentHeader) -> DocumentTotals {
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
