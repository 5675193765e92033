/// What one record says about itself, as written (Sage's payload or SM's record):
/// the raw material of its `MatchKeys`.
package struct MatchProfile: Sendable {
  package var name = ""
  package var postcode = ""
  package var city = ""
  package var emails: [String] = []
  package var phones: [String] = []
  package var web = ""
  package var siret = ""
  package var siren = ""
  package var vatNumber = ""
  package var firstName = ""
  package var lastName = ""
  /// A contact's company, as SM's id.
  package var parentId: Int?
  package var barcode = ""
  /// A product's name.
  package var model = ""

  package init() {}
}
