import PasserelleCore
import PasserelleReading

/// A row of a contacts export → SM contact, linked to its company by Sage code.
package struct ContactMapping: Sendable {
  private let columns: ColumnPositions<ContactColumn>

  package init(header: Header) {
    columns = ColumnPositions(header)
  }

  package func map(_ row: SourceRow) -> MappedRecord {
    var reader = RowValues(row: row, key: "")
    let company = reader.text(columns[.company])
    let code = reader.text(columns[.code])
    let lastName = reader.text(columns[.lastName])
    let firstName = reader.text(columns[.firstName])
    var person: PersonName
    if columns[.firstName] == nil {
      person = PersonName.split(lastName)
    } else {
      person = PersonName(civility: "", firstName: firstName, lastName: lastName)
    }
    let civility = reader.listValue(columns[.civility])
    if !civility.isEmpty { person.civility = civility }
    let extId =
      code.isEmpty && !company.isEmpty && !(lastName.isEmpty && firstName.isEmpty)
      ? ContactIdentity.derived(company: company, person: person) : code
    reader.key = extId
    var record = MappedRecord(key: extId, data: .absent, salesRep: .none, issues: [])
    if company.isEmpty {
      reader.error(
        .missingRequired, ContactColumn.company.field,
        Message(.contactNoCompany), "")
    }
    if lastName.isEmpty && firstName.isEmpty {
      reader.error(.missingRequired, ContactColumn.lastName.field, Message(.contactNoName), "")
    }
    if extId.count > ContactIdentity.maximumLength {
      reader.error(
        .keyTooLong, ContactColumn.code.field,
        Message(
          .contactCodeTooLong,
          ["count": .number(extId.count), "limit": .number(ContactIdentity.maximumLength)]),
        extId)
    }
    if reader.hasError {
      // Without a key the row still needs one in the report: the code or nothing.
      record.issues = reader.issues
      if record.key.isEmpty && !code.isEmpty { record.key = code }
      return record
    }
    var builder = ContactRecordBuilder(reader: reader)
    record = builder.build(
      extId: extId, company: company, person: person, isMain: false, role: columns[.role],
      phone: (columns[.phone], ContactColumn.phone.field),
      mobile: (columns[.mobile], ContactColumn.mobile.field),
      fax: (columns[.fax], ContactColumn.fax.field),
      email: (columns[.email], ContactColumn.email.field),
      notes: columns[.notes], countryISO: "FR", sageCode: code)
    if !code.isEmpty {
      record.alternateKey = ContactIdentity.derived(company: company, person: person)
    }
    record.references = [
      RecordReference(
        resource: "accounts", code: company, field: ContactColumn.company.label,
        idField: "accountId", noun: .theCompany)
    ]
    return record
  }
}
