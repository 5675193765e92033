@testable import FuzzSupport
@testable import PasserelleKit

/// The parsers of values as Sage writes them, on every TAB- or line-separated
/// piece of the input. Oracles: a number's canonical literal reads back as the
/// same amount; a normalised identifier is a fixed point of its own check.
FuzzDriver.run { data, size in
  guard let data else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  for piece in text.split(whereSeparator: { $0 == "\t" || $0.isNewline }).prefix(64) {
    let value = String(piece)
    _ = FrenchValue.boolean(value)
    _ = FrenchValue.date(value)
    _ = FrenchValue.decimal(value)
    if let literal = FrenchValue.decimalLiteral(value) {
      expect(FrenchValue.decimalLiteral(literal) == literal, "\(literal) is not canonical")
      expect(
        Amount(french: value) == Amount(literal: literal), "\(value) and \(literal) differ")
    } else {
      expect(Amount(french: value) == nil, "\(value) is an amount but no number")
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
