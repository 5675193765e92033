import PasserelleCore
import PasserelleReading

/// Where a document's goods go, as its `E` line gives it in the delivery columns
/// French e-invoicing brought (`Société de livraison` … `Pays de livraison`). Each
/// value is nil when the export has no such column: its `Z_` field is then left out
/// rather than blanked, so that an export format set up before these columns gives
/// the payloads it always gave.
package struct DocumentDelivery: Sendable, Equatable {
  /// `Société de livraison`.
  package var company: String?
  /// `Adresse 1 de livraison`.
  package var address1: String?
  /// `Adresse 2 de livraison`.
  package var address2: String?
  /// `Adresse 3 de livraison`.
  package var address3: String?
  /// `CP de livraison`.
  package var postcode: String?
  /// `Ville de livraison`.
  package var city: String?
  /// `Code pays de livraison`, an ISO code as Sage writes it.
  package var countryCode: String?
  /// `Pays de livraison`, a French country name as Sage writes it.
  package var country: String?

  /// No delivery column.
  package init() {}

  /// The delivery columns of an `E` line.
  init(_ reader: RowValues, _ columns: ColumnPositions<DocumentColumn>) {
    company = reader.presentText(columns[.deliveryCompany])
    address1 = reader.presentText(columns[.deliveryAddress1])
    address2 = reader.presentText(columns[.deliveryAddress2])
    address3 = reader.presentText(columns[.deliveryAddress3])
    postcode = reader.presentText(columns[.deliveryPostcode])
    city = reader.presentText(columns[.deliveryCity])
    countryCode = reader.presentText(columns[.deliveryCountryCode])
    country = reader.presentText(columns[.deliveryCountry])
  }

  /// The `Z_` fields of the columns the export has.
  func write(to data: inout JSONObject) {
    if let company { data.string("Z_LIVRAISON_SOCIETE", company) }
    if let address1 { data.string("Z_LIVRAISON_ADRESSE1", address1) }
    if let address2 { data.string("Z_LIVRAISON_ADRESSE2", address2) }
    if let address3 { data.string("Z_LIVRAISON_ADRESSE3", address3) }
    if let postcode { data.string("Z_LIVRAISON_CODE_POSTAL", postcode) }
    if let city { data.string("Z_LIVRAISON_VILLE", city) }
    if let countryCode { data.string("Z_LIVRAISON_CODE_PAYS", countryCode) }
    if let country { data.string("Z_LIVRAISON_PAYS", country) }
  }
}
