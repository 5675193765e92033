import PasserelleCore
import PasserelleReading

/// Sage 50 FR representative → Sales Management user (`docs/sync-rules.md`): keyed by
/// the rep code, matched by e-mail to a user SM already has, deactivated (never
/// deleted) when gone from Sage.
package struct RepresentativeMapping: Sendable {
  /// Ciel representative codes hold at most 13 characters.
  package static let maximumCodeLength = 13

  private let columns: ColumnPositions<RepresentativeColumn>

  package init(header: Header) {
    columns = ColumnPositions(header)
  }

  package func map(_ row: SourceRow) -> MappedRecord {
    var reader = RowValues(row: row, key: "")
    let code = reader.readKey(
      columns[.code], RepresentativeColumn.code.field, noun: .theRepresentative,
      maximumLength: Self.maximumCodeLength)
    var record = MappedRecord(key: code, data: .absent, salesRep: .none, issues: [])
    let fullName = reader.text(columns[.name])
    let firstName = reader.text(columns[.firstName])
    if fullName.isEmpty && firstName.isEmpty && !code.isEmpty {
      reader.error(
        .missingRequired, RepresentativeColumn.name.field, Message(.representativeNoName), "")
    }
    if reader.hasError {
      record.issues = reader.issues
      return record
    }
    var person =
      columns[.firstName] == nil
      ? PersonName.split(fullName)
      : PersonName(civility: "", firstName: firstName, lastName: fullName)
    let title = reader.listValue(columns[.title])
    if !title.isEmpty { person.civility = title }
    let countryText = reader.text(columns[.country])
    let countryISO = countryText.isEmpty ? "FR" : Countries.isoCode(for: countryText) ?? "FR"
    let email = reader.email(columns[.email], RepresentativeColumn.email.field)
    var data = JSONObject(capacity: 512)
    // SM users have a name and a last name: the first name goes in `name` when
    // Sage has one, else the whole name.
    data.string("name", person.firstName.isEmpty ? person.lastName : person.firstName)
    data.string("lastName", person.firstName.isEmpty ? "" : person.lastName)
    data.string("email", email)
    data.string("extId", code)
    data.bool("isActive", true)
    data.string("Z_CIVILITE", person.civility)
    data.text("Z_FONCTION", reader.raw(columns[.role]), encoding: row.encoding)
    data.text("Z_REGION", reader.rawListValue(columns[.region]), encoding: row.encoding)
    data.string(
      "Z_TELEPHONE", reader.phone(columns[.phone], RepresentativeColumn.phone.field, countryISO))
    data.string(
      "Z_PORTABLE", reader.phone(columns[.mobile], RepresentativeColumn.mobile.field, countryISO))
    reader.number(
      &data, "Z_COMMISSION", columns[.commission], RepresentativeColumn.commission.field)
    record.data = data
    record.email = email.lowercased()
    record.issues = reader.issues
    return record
  }
}
