import Crypto
import Foundation
import PasserelleCore
import PasserelleReading

/// Sales Management contacts from Sage 50: the main contact a company row carries,
/// and the rows of a contacts export. Contacts are editable in SM (both ways).
package enum ContactIdentity {
  /// The `extId` of a contact Sage gives no code: the company's code, a dot, and 8
  /// hex digits of SHA-256 over the person's name as `LabelKey` normalises it
  /// ("last first": case, accents and spacing do not matter). Deterministic, so the
  /// same person keeps one id across exports; a renamed person is a new contact.
  package static func derived(company: String, person: PersonName) -> String {
    var name = LabelKey.normalise(person.lastName + " " + person.firstName)
    let digest = name.withUTF8 { SHA256.hash(data: $0) }
    return company + "." + Hex.string(digest.prefix(4))
  }

  /// Sage contact codes and derived ids must fit SM's 30-character `extId`.
  static let maximumLength = 30
}

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
    var record = MappedRecord(key: extId, data: data.close(), salesRep: .none, issues: [])
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
  package static func rekeyed(_ data: [UInt8], from old: String, to new: String) -> [UInt8] {
    var prefix = JSONBytes(capacity: 64)
    prefix.raw("{\"extId\": ")
    prefix.string(old)
    guard data.starts(with: prefix.bytes) else { return data }
    var rekeyed = JSONBytes(capacity: data.count + 16)
    rekeyed.raw("{\"extId\": ")
    rekeyed.string(new)
    return rekeyed.bytes + data[prefix.bytes.count...]
  }
}

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

/// A row of a contacts export → SM contact, linked to its company by Sage code.
public struct ContactMapping: Sendable {
  struct Columns: Sendable {
    var company, code, civility, lastName, firstName, role, phone, mobile, fax, email: Int?
    var notes: Int?
  }
  private let columns: Columns

  public init(header: Header) {
    typealias F = ContactFields
    columns = Columns(
      company: header.column(F.company), code: header.column(F.code),
      civility: header.column(F.civility), lastName: header.column(F.lastName),
      firstName: header.column(F.firstName), role: header.column(F.role),
      phone: header.column(F.phone), mobile: header.column(F.mobile), fax: header.column(F.fax),
      email: header.column(F.email), notes: header.column(F.notes))
  }

  public func map(_ row: SourceRow) -> MappedRecord {
    var reader = RowValues(row: row, key: "")
    let company = reader.text(columns.company)
    let code = reader.text(columns.code)
    let lastName = reader.text(columns.lastName)
    let firstName = reader.text(columns.firstName)
    var person: PersonName
    if columns.firstName == nil {
      person = PersonName.split(lastName)
    } else {
      person = PersonName(civility: "", firstName: firstName, lastName: lastName)
    }
    let civility = reader.listValue(columns.civility)
    if !civility.isEmpty { person.civility = civility }
    let extId =
      code.isEmpty && !company.isEmpty && !(lastName.isEmpty && firstName.isEmpty)
      ? ContactIdentity.derived(company: company, person: person) : code
    reader.key = extId
    var record = MappedRecord(key: extId, data: [], salesRep: .none, issues: [])
    if company.isEmpty {
      reader.error(
        .missingRequired, ContactFields.company,
        "the contact names no company (Code client): SM needs one", "")
    }
    if lastName.isEmpty && firstName.isEmpty {
      reader.error(.missingRequired, ContactFields.lastName, "the contact has no name", "")
    }
    if extId.count > ContactIdentity.maximumLength {
      reader.error(
        .keyTooLong, ContactFields.code,
        "the contact code has \(extId.count) characters; SM allows \(ContactIdentity.maximumLength)",
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
      extId: extId, company: company, person: person, isMain: false, role: columns.role,
      phone: (columns.phone, ContactFields.phone), mobile: (columns.mobile, ContactFields.mobile),
      fax: (columns.fax, ContactFields.fax), email: (columns.email, ContactFields.email),
      notes: columns.notes, countryISO: "FR", sageCode: code)
    if !code.isEmpty {
      record.alternateKey = ContactIdentity.derived(company: company, person: person)
    }
    record.references = [
      RecordReference(
        resource: "accounts", code: company, field: ContactFields.company.label,
        idField: "accountId", noun: "company")
    ]
    return record
  }
}
