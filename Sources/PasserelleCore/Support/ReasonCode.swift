/// Stable reason codes of the exchange contract (`docs/exchange-contract.md`). Raw values are fixed: reports,
/// scripts and people depend on them, so a case is never renamed.
public enum ReasonCode: String, Sendable, CaseIterable, Codable {
  // Whole-file reasons.
  case unknownEntity = "unknown-entity"
  case unreadableEncoding = "unreadable-encoding"
  case malformedCSV = "malformed-csv"
  case malformedXML = "malformed-xml"
  /// A file from Sales Management that is not the JSON the contract describes.
  case malformedJSON = "malformed-json"
  case xmlDoctypeForbidden = "xml-doctype-forbidden"
  case tooLarge = "too-large"
  case duplicateFile = "duplicate-file"
  case massDeletionGuard = "mass-deletion-guard"
  case emptyFile = "empty-file"
  case processingFailed = "processing-failed"
  /// A symbolic link dropped in a watched folder: never followed, wherever it points.
  case linkNotFollowed = "link-not-followed"
  // Row reasons.
  case missingKey = "missing-key"
  case duplicateKey = "duplicate-key"
  case keyTooLong = "key-too-long"
  case missingRequired = "missing-required"
  case badNumber = "bad-number"
  case badDate = "bad-date"
  case raggedRow = "ragged-row"
  case readOnlyRecord = "read-only-record"
  case conflict
  case unknownReference = "unknown-reference"
  case invalidSIRET = "invalid-siret"
  case invalidVATNumber = "invalid-vat-number"
  case invalidEmail = "invalid-email"
  case invalidPhone = "invalid-phone"
  case unknownCountry = "unknown-country"
  case unmappedValue = "unmapped-value"
  case imageMissing = "image-missing"
  case imageUnsafePath = "image-unsafe-path"
  case totalsMismatch = "totals-mismatch"
  case deletionNotPropagated = "deletion-not-propagated"
  /// SM's API refused the record (its message and field); the rest was delivered.
  case refusedBySalesManagement = "refused-by-salesmanagement"
  /// A priced quote from Sage whose SM quote is not known (yet): kept for a later match.
  case unmatchedQuote = "unmatched-quote"
  /// Text that Windows-1252 cannot hold, even without its accents: written as `?`.
  case textNotRepresentable = "text-not-representable"
  /// An `L` line whose N° pièce is not its document's.
  case foreignLine = "foreign-line"
  /// A document type SM does not receive (orders, delivery notes).
  case notSynchronised = "not-synchronised"
  /// A value longer than Sage's field was cut to fit.
  case valueTruncated = "value-truncated"
  /// A field of an SM record holds the wrong JSON type (`"deleted": "yes"`).
  case wrongType = "wrong-type"
}
