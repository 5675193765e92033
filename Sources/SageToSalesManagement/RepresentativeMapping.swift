import PasserelleCore
import PasserelleReading

/// Sage 50 FR representative → Sales Management user (`docs/sync-rules.md`): keyed by
/// the rep code, matched by e-mail to a user SM already has, deactivated (never
/// deleted) when gone from Sage.
package struct RepresentativeMapping: Sendable {
  /// Ciel representative codes hold at most 13 characters.
  package static let maximumCodeLength = 13

  struct Columns: Sendable {
    var code, name, firstName, title, role, region, phone, mobile, email, commission: Int?
    var country: Int?
  }
  private let columns: Columns

  package init(header: Header) {
    typealias F = RepresentativeFields
    columns = Columns(
      code: header.column(F.code), name: header.column(F.name),
      firstName: header.column(F.firstName), title: header.column(F.title),
      role: header.column(F.role), region: header.column(F.region),
      phone: header.column(F.phone), mobile: header.column(F.mobile),
      email: header.column(F.email), commission: header.column(F.commission),
      country: header.column(F.country))
  }

  package func map(_ row: SourceRow) -> MappedRecord {
    var reader = RowValues(row: row, key: "")
    let code = reader.readKey(
      columns.code, RepresentativeFields.code, noun: "representative",
      maximumLength: Self.maximumCodeLength)
    var record = MappedRecord(key: code, data: .absent, salesRep: .none, issues: [])
    let fullName = reader.text(columns.name)
    let firstName = reader.text(columns.firstName)
    if fullName.isEmpty && firstName.isEmpty && !code.isEmpty {
      reader.error(
        .missingRequired, RepresentativeFields.name, "the representative has no name", "")
    }
    if reader.hasError {
      record.issues = reader.issues
      return record
    }
    var person =
      columns.firstName == nil
      ? PersonName.split(fullName)
      : PersonName(civility: "", firstName: firstName, lastName: fullName)
    let title = reader.listValue(columns.title)
    if !title.isEmpty { person.civility = title }
    let countryText = reader.text(columns.country)
    let countryISO = countryText.isEmpty ? "FR" : Countries.isoCode(for: countryText) ?? "FR"
    let email = reader.email(columns.email, RepresentativeFields.email)
    var data = JSONObject(capacity: 512)
    // SM users have a name and a last name: the first name goes in `name` when
    // Sage has one, else the whole name.
    data.string("name", person.firstName.isEmpty ? person.lastName : person.firstName)
    data.string("lastName", person.firstName.isEmpty ? "" : person.lastName)
    data.string("email", email)
    data.string("extId", code)
    data.bool("isActive", true)
    data.string("Z_CIVILITE", person.civility)
    data.text("Z_FONCTION", reader.raw(columns.role), encoding: row.encoding)
    data.text("Z_REGION", reader.rawListValue(columns.region), encoding: row.encoding)
    data.string("Z_TELEPHONE", reader.phone(columns.phone, RepresentativeFields.phone, countryISO))
    data.string("Z_PORTABLE", reader.phone(columns.mobile, RepresentativeFields.mobile, countryISO))
    reader.number(&data, "Z_COMMISSION", columns.commission, RepresentativeFields.commission)
    record.data = data
    record.email = email.lowercased()
    record.issues = reader.issues
    return record
  }
}
