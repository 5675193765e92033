/// What one record says about itself, as written (Sage's payload or SM's record):
/// the raw material of its `MatchKeys`.
package struct MatchProfile: Sendable {
  /// A company's name.
  package var name = ""
  package var postcode = ""
  package var city = ""
  /// Every e-mail the record holds.
  package var emails: [String] = []
  /// Every phone number the record holds (landline, mobile, …).
  package var phones: [String] = []
  /// The website.
  package var web = ""
  package var siret = ""
  package var siren = ""
  /// The intra-community VAT number.
  package var vatNumber = ""
  /// A contact's first name.
  package var firstName = ""
  /// A contact's last name.
  package var lastName = ""
  /// A contact's company, as SM's id.
  package var parentId: Int?
  /// A product's barcode.
  package var barcode = ""
  /// A product's name.
  package var model = ""

  /// An empty profile, filled field by field.
  package init() {}
}
