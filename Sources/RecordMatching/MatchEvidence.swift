/// One reason two records are (or are not) the same: a key on which they agree,
/// or one on which they disagree. Recorded with every decision.
package enum MatchEvidence: String, Sendable, Codable {
  /// The same SIREN (from a SIRET, a SIREN or a French VAT number).
  case siren
  /// The same VAT number.
  case vatNumber
  /// An e-mail in common.
  case email
  /// A phone number in common (its last nine digits).
  case phone
  /// A web domain in common (the site's, or a company e-mail's).
  case domain
  /// The same company name, once normalised.
  case sameName
  /// Company names with most of their words in common.
  case closeName
  /// The same postcode.
  case postcode
  /// The same town, one record lacking a postcode.
  case city
  /// The same first and last name (in either order).
  case personName
  /// The same last name and first initial.
  case lastName
  /// The same barcode.
  case barcode
  /// The same product name, word for word.
  case sameModel
  /// Product names with most of their words in common.
  case closeModel
  /// Both records hold a postcode (or, lacking both, a city), and they differ.
  case otherPlace
  /// Both hold a SIREN, a SIRET or a barcode, and they differ: never the same record.
  case otherIdentifier
  /// Two contacts whose full names differ, though something else agrees (a
  /// shared `contact@` address): two people.
  case otherPerson
}
