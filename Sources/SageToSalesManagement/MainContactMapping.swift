import PasserelleCore
import PasserelleReading

/// The main contact of a customer or prospect row (`Nom du contact`, …).
package struct MainContactMapping: Sendable {
  let name, title, role, phone, mobile, fax, email: Int?

  init(header: Header) {
    name = header.column(MainContactFields.name)
    title = header.column(MainContactFields.title)
    role = header.column(MainContactFields.role)
    phone = header.column(MainContactFields.phone)
    mobile = header.column(MainContactFields.mobile)
    fax = header.column(MainContactFields.fax)
    email = header.column(MainContactFields.email)
  }

  /// Nil when the row names no contact.
  func map(_ row: SourceRow, company: String, countryISO: String) -> MappedRecord? {
    guard let name else { return nil }
    let fullName = row.text(name)
    if fullName.isEmpty { return nil }
    var person = PersonName.split(fullName)
    var reader = RowValues(row: row, key: company)
    let title = reader.listValue(self.title)
    if !title.isEmpty { person.civility = title }
    let extId = ContactIdentity.derived(company: company, person: person)
    reader.key = extId
    var builder = ContactRecordBuilder(reader: reader)
    return builder.build(
      extId: extId, company: company, person: person, isMain: true, role: role,
      phone: (phone, MainContactFields.phone), mobile: (mobile, MainContactFields.mobile),
      fax: (fax, MainContactFields.fax), email: (email, MainContactFields.email), notes: nil,
      countryISO: countryISO)
  }
}
