import PasserelleCore
import PasserelleReading

/// The main contact of a customer or prospect row (`Nom du contact`, …).
package struct MainContactMapping: Sendable {
  private let columns: ColumnPositions<MainContactColumn>

  init(header: Header) {
    columns = ColumnPositions(header)
  }

  /// Nil when the row names no contact.
  func map(_ row: SourceRow, company: String, countryISO: String) -> MappedRecord? {
    guard let name = columns[.name] else { return nil }
    let fullName = row.text(name)
    if fullName.isEmpty { return nil }
    var person = PersonName.split(fullName)
    var reader = RowValues(row: row, key: company)
    let title = reader.listValue(columns[.title])
    if !title.isEmpty { person.civility = title }
    let extId = ContactIdentity.derived(company: company, person: person)
    reader.key = extId
    var builder = ContactRecordBuilder(reader: reader)
    return builder.build(
      extId: extId, company: company, person: person, isMain: true, role: columns[.role],
      phone: (columns[.phone], MainContactColumn.phone.field),
      mobile: (columns[.mobile], MainContactColumn.mobile.field),
      fax: (columns[.fax], MainContactColumn.fax.field),
      email: (columns[.email], MainContactColumn.email.field), notes: nil,
      countryISO: countryISO)
  }
}
