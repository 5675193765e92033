import Foundation

@testable import FuzzSupport
@testable import PasserelleCore
@testable import PasserelleReading

/// The parsers of values as Sage writes them, on every TAB- or line-separated
/// piece of the input. Oracles: a number's canonical literal is stable; the
/// fixed-point amount agrees with Foundation's `Decimal` reading of the same
/// text and writes a literal that reads back as itself; a normalised identifier
/// is a fixed point of its own check.
FuzzDriver.run { data, size in
  guard let data else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  for piece in text.split(whereSeparator: { $0 == "\t" || $0.isNewline }).prefix(64) {
    let value = String(piece)
    _ = FrenchValue.boolean(value)
    _ = FrenchValue.date(value)
    if let literal = FrenchValue.decimalLiteral(value) {
      expect(FrenchValue.decimalLiteral(literal) == literal, "\(literal) is not canonical")
    }
    if let amount = Amount(french: value) {
      expect(Amount(literal: amount.literal) == amount, "\(amount.literal) does not read back")
      // Exact when Sage's six decimal places hold the number.
      if let decimal = FrenchValue.decimal(value), decimal.exponent >= -6 {
        expect(
          Decimal(string: amount.literal) == decimal, "\(value): \(amount.literal) but \(decimal)")
      }
    }
    for check in [
      FrenchIdentifier.siret(value), FrenchIdentifier.vatNumber(value),
      FrenchIdentifier.email(value), FrenchIdentifier.phone(value, countryISO: "FR"),
    ] {
      _ = check
    }
    if case .valid(let siret) = FrenchIdentifier.siret(value) {
      expect(FrenchIdentifier.siret(siret) == .valid(siret), "SIRET \(siret) not stable")
    }
    if case .valid(let email) = FrenchIdentifier.email(value) {
      expect(FrenchIdentifier.email(email) == .valid(email), "e-mail \(email) not stable")
    }
    _ = Countries.isoCode(for: value)
    _ = PersonName.split(value)
  }
  return 0
}
