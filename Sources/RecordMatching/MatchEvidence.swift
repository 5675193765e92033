/// One reason two records are (or are not) the same: a key on which they agree,
/// or one on which they disagree. Recorded with every decision.
package enum MatchEvidence: String, Sendable, Codable, CaseIterable {
  case siren
  case vatNumber
  case email
  case phone
  case domain
  case sameName
  case closeName
  case postcode
  case city
  case personName
  case lastName
  case barcode
  case sameModel
  case closeModel
  /// Both records hold a postcode (or, lacking both, a city), and they differ.
  case otherPlace
  /// Both hold a SIREN (or a barcode), and they differ: never the same record.
  case otherIdentifier
}
