import RecordMatching
import SalesManagementAPI

extension MatchProfile {
  /// What a record of `resource` says about itself, from the fields SM's records
  /// and Sage's payloads share (payloads are shaped after SM's records).
  init(record: JSONValue, resource: MatchableResource) {
    self.init()
    let text = { (key: String) in record[key]?.string ?? "" }
    switch resource {
    case .accounts:
      name = text("name")
      postcode = text("postcode")
      city = text("city")
      emails = [text("email")]
      phones = [text("phone"), text("phone2"), text("phone3")]
      web = text("web")
      siret = text("Z_SIRET")
      siren = text("Z_SIREN")
      vatNumber = text("Z_TVA_INTRACOM")
    case .contacts:
      firstName = text("firstName")
      lastName = text("lastName")
      emails = [text("email")]
      phones = [text("phone1"), text("phone2")]
      parentId = record["accountId"]?.int
    case .products:
      model = text("model")
      barcode = text("Z_CODE_BARRE")
    }
  }

  /// How IT recognises the record in a list: its name, then what places it.
  var label: String {
    let parts: [String]
    if !model.isEmpty {
      parts = [model, barcode]
    } else if !firstName.isEmpty || !lastName.isEmpty {
      parts = [[firstName, lastName].filter { !$0.isEmpty }.joined(separator: " "), emails[0]]
    } else {
      parts = [name, [postcode, city].filter { !$0.isEmpty }.joined(separator: " ")]
    }
    return parts.filter { !$0.isEmpty }.joined(separator: ", ")
  }
}
