import Foundation
import PasserelleCore
import PasserelleReading

/// Sage 50 FR customer or prospect → Sales Management account (`docs/sync-rules.md`):
/// customers read-only in SM, prospects editable and typed prospect, keyed by the
/// Sage code as `extId`, extras as `Z_` fields; the row's main contact becomes a
/// companion contact record. Pure: it reads a row and configuration, never files
/// or the manifest.
package struct CustomerMapping: Sendable {
  /// Sage 50 customer codes hold at most 13 characters; a longer one is never truncated.
  package static let maximumCodeLength = 13

  package let tables: SalesManagementTables
  package let kind: CompanyKind
  private let columns: ColumnPositions<CustomerColumn>
  /// The key column: the prospects export's own code column when the header has
  /// one, else the customers' `Code`.
  private let codeColumn: Int?
  private let mainContact: MainContactMapping

  package init(header: Header, tables: SalesManagementTables, kind: CompanyKind = .customer) {
    self.tables = tables
    self.kind = kind
    mainContact = MainContactMapping(header: header)
    columns = ColumnPositions(header)
    codeColumn = header.column(ProspectColumn.code.field) ?? columns[.code]
  }

  /// Maps one row. `userId` resolves a Sage representative code to an SM user id.
  package func map(_ row: SourceRow, userId: (String) -> Int?) -> MappedRecord {
    var reader = RowValues(row: row, key: "")
    let code = reader.readKey(
      codeColumn, kind == .customer ? CustomerColumn.code.field : ProspectColumn.code.field,
      noun: kind.noun, maximumLength: Self.maximumCodeLength)
    var record = MappedRecord(key: code, data: .absent, salesRep: .none, issues: [])
    if code.isEmpty {
      record.issues = reader.issues
      return record
    }
    let names = readNames(&reader)
    if reader.hasError {
      record.issues = reader.issues
      return record
    }
    let country = readCountry(&reader)
    let encoding = row.encoding

    var data = JSONObject()
    writeIdentity(&data, code: code, names: names, encoding: encoding)
    writeAddress(&data, reader, country: country)
    let sent = writeContactDetails(&data, &reader, countryISO: country.phoneCountry)
    data.text("comment", reader.raw(columns[.notes]), encoding: encoding)
    if let branchId = tables.branchId { data.integer("branchId", branchId) }
    let customerType = writeType(&data, &reader)
    let representative = writeRepresentative(&data, &record, &reader, userId: userId)

    // Extras: what SM has no standard field for.
    writeCompanyExtras(&data, reader, names: names)
    writeIdentifiers(&data, &reader)
    writeTradingExtras(
      &data, &reader, country: country, customerType: customerType,
      representative: representative)
    record.data = data
    if kind == .prospect {
      record.sharedFields = prospectSnapshot(
        reader, names: names, country: country, representative: representative, sent: sent)
    }
    if let contact = mainContact.map(row, company: code, countryISO: country.phoneCountry) {
      record.companions.append(contact)
    }
    record.issues = reader.issues
    return record
  }

  /// The names a company row goes by: SM's `name` is the company, else the person.
  private struct Names {
    let company: UnsafeRawBufferPointer
    let person: UnsafeRawBufferPointer
  }

  /// The row's country as written, its ISO code when one matches, and the country
  /// phone numbers are read in (France when none matches).
  private struct RowCountry {
    let text: String
    let iso: String?
    let phoneCountry: String
  }

  /// The values sent in SM's phone and e-mail fields, empty when left out.
  private struct SentDetails {
    let phone, mobile, fax, email: String
  }

  /// Reads the company and person names; a row with neither is an error.
  private func readNames(_ reader: inout RowValues) -> Names {
    let company = reader.raw(columns[.company])
    let personName = reader.raw(columns[.name])
    if company.isEmpty && personName.isEmpty {
      reader.error(
        .missingRequired, CustomerColumn.company.field, Message(.companyNoName), "")
    }
    return Names(company: company, person: personName)
  }

  private func readCountry(_ reader: inout RowValues) -> RowCountry {
    let countryText = reader.text(columns[.country])
    var countryISO: String? = nil
    if !countryText.isEmpty {
      countryISO = Countries.isoCode(for: countryText)
      if countryISO == nil {
        reader.warning(
          .unknownCountry, CustomerColumn.country.field,
          Message(.countryUnknown),
          countryText)
      }
    }
    return RowCountry(text: countryText, iso: countryISO, phoneCountry: countryISO ?? "FR")
  }

  private func writeIdentity(
    _ data: inout JSONObject, code: String, names: Names, encoding: TextEncoding
  ) {
    data.text("name", names.company.isEmpty ? names.person : names.company, encoding: encoding)
    data.string("extId", code)
    // A customer belongs to Sage; a prospect may be edited in SM (`docs/sync-rules.md`).
    data.bool("readOnly", kind == .customer)
  }

  private func writeAddress(_ data: inout JSONObject, _ reader: RowValues, country: RowCountry) {
    let encoding = reader.row.encoding
    data.text("address1", reader.raw(columns[.address1]), encoding: encoding)
    data.text(
      "address2", reader.raw(columns[.address2]), reader.raw(columns[.address3]), encoding: encoding
    )
    data.text("postcode", reader.raw(columns[.postcode]), encoding: encoding)
    data.text("city", reader.raw(columns[.city]), encoding: encoding)
    if let iso = country.iso, let countryId = tables.countryIds[iso] {
      data.integer("countryId", countryId)
    }
  }

  /// Phones, e-mail and web site; a value that does not check is left out (a warning).
  private func writeContactDetails(
    _ data: inout JSONObject, _ reader: inout RowValues, countryISO: String
  ) -> SentDetails {
    let phone = reader.phone(columns[.phone], CustomerColumn.phone.field, countryISO)
    let mobile = reader.phone(columns[.mobile], CustomerColumn.mobile.field, countryISO)
    let fax = reader.phone(columns[.fax], CustomerColumn.fax.field, countryISO)
    let email = reader.email(columns[.email], CustomerColumn.email.field)
    data.string("phone", phone)
    data.string("phone2", mobile)
    data.string("fax", fax)
    data.string("email", email)
    data.text("web", reader.raw(columns[.website]), encoding: reader.row.encoding)
    return SentDetails(phone: phone, mobile: mobile, fax: fax, email: email)
  }

  /// SM's account type: the prospect type, or the configured type of the Sage
  /// customer type. Returns the customer type as Sage wrote it.
  private func writeType(_ data: inout JSONObject, _ reader: inout RowValues) -> String {
    let customerType = reader.listValue(columns[.customerType])
    if kind == .prospect, let prospectTypeId = tables.prospectTypeId {
      data.integer("typeId", prospectTypeId)
    } else if customerType.isEmpty || tables.accountTypeIds.isEmpty {
      // Nothing to translate: the type travels in Z_TYPE_CLIENT only.
    } else if let typeId = tables.accountTypeIds[LabelKey.normalise(customerType)] {
      data.integer("typeId", typeId)
    } else {
      reader.warning(
        .unmappedValue, CustomerColumn.customerType.field,
        Message(.customerTypeUnmapped), customerType)
    }
    return customerType
  }

  /// The representative's SM user, when `userId` knows the Sage code. Returns the code.
  private func writeRepresentative(
    _ data: inout JSONObject, _ record: inout MappedRecord, _ reader: inout RowValues,
    userId: (String) -> Int?
  ) -> String {
    let representative = reader.listValue(columns[.representative])
    if !representative.isEmpty {
      if let id = userId(representative) {
        record.salesRep = .mapped(id)
        data.integer("salesRepId1", id)
      } else {
        record.salesRep = .unmapped(representative)
      }
    }
    return representative
  }

  private func writeCompanyExtras(_ data: inout JSONObject, _ reader: RowValues, names: Names) {
    let encoding = reader.row.encoding
    data.string("Z_NATURE", kind == .customer ? "Client" : "Prospect")
    data.text(
      "Z_SOCIETE_NOM", names.company.isEmpty ? reader.none : names.person, encoding: encoding)
    data.text("Z_FORME_JURIDIQUE", reader.rawListValue(columns[.legalForm]), encoding: encoding)
  }

  /// SIRET (and the SIREN it starts with), intra-community VAT number and NAF code.
  private func writeIdentifiers(_ data: inout JSONObject, _ reader: inout RowValues) {
    let siret = reader.siret(columns[.siret])
    data.string("Z_SIRET", siret.count == 14 ? siret : "")
    data.string("Z_SIREN", siret.isEmpty ? "" : String(siret.prefix(9)))
    data.string("Z_TVA_INTRACOM", reader.vatNumber(columns[.vatNumber]))
    data.text("Z_NAF", reader.raw(columns[.activityCode]), encoding: reader.row.encoding)
  }

  /// Payment, pricing, accounting and credit extras, flags and dates.
  private func writeTradingExtras(
    _ data: inout JSONObject, _ reader: inout RowValues, country: RowCountry,
    customerType: String, representative: String
  ) {
    let encoding = reader.row.encoding
    data.string("Z_PAYS_ISO", country.iso ?? "")
    data.text("Z_MODE_PAIEMENT", reader.rawListValue(columns[.paymentMode]), encoding: encoding)
    data.text(
      "Z_MODE_PAIEMENT_LIBELLE", reader.rawListValue(columns[.paymentModeLabel]),
      encoding: encoding)
    data.text("Z_FAMILLE_CLIENT", reader.rawListValue(columns[.customerFamily]), encoding: encoding)
    data.string("Z_TYPE_CLIENT", customerType)
    data.string("Z_REPRESENTANT", representative)
    data.text("Z_CODE_TARIF", reader.rawListValue(columns[.priceList]), encoding: encoding)
    data.text("Z_COMPTE_COMPTABLE", reader.raw(columns[.accountingAccount]), encoding: encoding)
    data.text("Z_MODE_TVA", reader.rawListValue(columns[.vatMode]), encoding: encoding)
    data.text("Z_RISQUE", reader.rawListValue(columns[.risk]), encoding: encoding)
    data.bool("Z_BLOQUE", reader.boolean(columns[.blocked], CustomerColumn.blocked.field))
    data.bool(
      "Z_NPAI",
      reader.boolean(columns[.doesNotLiveAtAddress], CustomerColumn.doesNotLiveAtAddress.field))
    data.bool(
      "Z_CLIENT_DIVERS", reader.boolean(columns[.miscellaneous], CustomerColumn.miscellaneous.field)
    )
    reader.number(
      &data, "Z_ENCOURS_AUTORISE", columns[.creditLimit], CustomerColumn.creditLimit.field)
    reader.number(&data, "Z_TAUX_REMISE", columns[.discountRate], CustomerColumn.discountRate.field)
    reader.date(&data, "Z_DATE_CREATION", columns[.createdOn], CustomerColumn.createdOn.field)
    reader.date(
      &data, "Z_DATE_DERNIERE_COMMANDE", columns[.lastOrderOn], CustomerColumn.lastOrderOn.field)
  }

  /// A prospect's values by Sage label (`FieldSnapshot`), for the three-way
  /// comparison when SM changes it.
  private func prospectSnapshot(
    _ reader: RowValues, names: Names, country: RowCountry, representative: String,
    sent: SentDetails
  ) -> [UInt8] {
    let encoding = reader.row.encoding
    var snapshot = FieldSnapshot.Builder()
    snapshot.add("Société", names.company, encoding: encoding)
    snapshot.add("Nom", names.person, encoding: encoding)
    snapshot.add("Adresse 1", reader.raw(columns[.address1]), encoding: encoding)
    snapshot.add("Adresse 2", reader.raw(columns[.address2]), encoding: encoding)
    snapshot.add("Adresse 3", reader.raw(columns[.address3]), encoding: encoding)
    snapshot.add("Code Postal", reader.raw(columns[.postcode]), encoding: encoding)
    snapshot.add("Ville", reader.raw(columns[.city]), encoding: encoding)
    snapshot.add("Pays", country.text)
    snapshot.add("Téléphone", reader.raw(columns[.phone]), encoding: encoding)
    snapshot.add("Portable", reader.raw(columns[.mobile]), encoding: encoding)
    snapshot.add("Fax", reader.raw(columns[.fax]), encoding: encoding)
    snapshot.add("E-mail", reader.raw(columns[.email]), encoding: encoding)
    snapshot.add("URL", reader.raw(columns[.website]), encoding: encoding)
    snapshot.add("Observations", reader.raw(columns[.notes]), encoding: encoding)
    snapshot.add("Représentant", representative)
    snapshot.leftOut("phone", holding: reader.raw(columns[.phone]), sent: sent.phone)
    snapshot.leftOut("phone2", holding: reader.raw(columns[.mobile]), sent: sent.mobile)
    snapshot.leftOut("fax", holding: reader.raw(columns[.fax]), sent: sent.fax)
    snapshot.leftOut("email", holding: reader.raw(columns[.email]), sent: sent.email)
    return snapshot.bytes
  }
}
