import PasserelleCore
import PasserelleReading

/// The SM contact fields both sources fill, in one order.
package struct ContactRecordBuilder {
  var reader: RowValues
  var data = JSONObject(capacity: 512)

  init(reader: RowValues) { self.reader = reader }

  mutating func build(
    extId: String, company: String, person: PersonName, isMain: Bool,
    role: Int?, phone: (Int?, FieldLabel), mobile: (Int?, FieldLabel), fax: (Int?, FieldLabel),
    email: (Int?, FieldLabel), notes: Int?, countryISO: String, sageCode: String = ""
  ) -> MappedRecord {
    data.string("extId", extId)
    data.string("accountExtId", company)
    data.string("firstName", person.firstName)
    data.string("lastName", person.lastName)
    data.bool("readOnly", false)
    let sentEmail = reader.email(email.0, email.1)
    let sentPhone = reader.phone(phone.0, phone.1, countryISO)
    let sentMobile = reader.phone(mobile.0, mobile.1, countryISO)
    let sentFax = reader.phone(fax.0, fax.1, countryISO)
    data.string("email", sentEmail)
    data.string("phone1", sentPhone)
    data.string("phone2", sentMobile)
    data.string("fax", sentFax)
    data.text("comment", reader.raw(notes), encoding: reader.row.encoding)
    data.string("Z_CIVILITE", person.civility)
    data.text("Z_FONCTION", reader.raw(role), encoding: reader.row.encoding)
    data.bool("Z_CONTACT_PRINCIPAL", isMain)
    data.string("Z_CODE_CONTACT", isMain ? "" : sageCode)
    var record = MappedRecord(key: extId, data: data, salesRep: .none, issues: [])
    var snapshot = FieldSnapshot.Builder()
    let encoding = reader.row.encoding
    snapshot.add("Code client", company)
    snapshot.add("Code contact", isMain ? "" : sageCode)
    snapshot.add("Civilité", person.civility)
    snapshot.add("Nom", person.lastName)
    snapshot.add("Prénom", person.firstName)
    snapshot.add("Fonction", reader.raw(role), encoding: encoding)
    snapshot.add("Téléphone", reader.raw(phone.0), encoding: encoding)
    snapshot.add("Portable", reader.raw(mobile.0), encoding: encoding)
    snapshot.add("Fax", reader.raw(fax.0), encoding: encoding)
    snapshot.add("E-mail", reader.raw(email.0), encoding: encoding)
    snapshot.add("Observations", reader.raw(notes), encoding: encoding)
    snapshot.leftOut("email", holding: reader.raw(email.0), sent: sentEmail)
    snapshot.leftOut("phone1", holding: reader.raw(phone.0), sent: sentPhone)
    snapshot.leftOut("phone2", holding: reader.raw(mobile.0), sent: sentMobile)
    snapshot.leftOut("fax", holding: reader.raw(fax.0), sent: sentFax)
    record.sharedFields = snapshot.bytes
    record.issues = reader.issues
    return record
  }
}

extension ContactRecordBuilder {
  /// The same contact data under another `extId` (it is the first member).
  package static func rekeyed(_ data: JSONObject, from old: String, to new: String) -> JSONObject {
    data.replacingFirstMember("extId", old, with: new) ?? data
  }
}
