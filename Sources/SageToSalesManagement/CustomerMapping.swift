import Foundation
import PasserelleCore
import PasserelleReading

/// Whether a company row comes from the customers or the prospects list.
public enum CompanyKind: String, Sendable {
  case customer
  case prospect
}

/// Sage 50 FR customer or prospect → Sales Management account (`docs/sync-rules.md`):
/// customers read-only in SM, prospects editable and typed prospect, keyed by the
/// Sage code as `extId`, extras as `Z_` fields; the row's main contact becomes a
/// companion contact record. Pure: it reads a row and configuration, never files
/// or the manifest.
public struct CustomerMapping: Sendable {
  /// Sage 50 customer codes hold at most 13 characters; a longer one is never truncated.
  public static let maximumCodeLength = 13

  public let tables: SalesManagementTables
  public let kind: CompanyKind
  private let columns: Columns
  private let mainContact: MainContactMapping

  struct Columns: Sendable {
    var code, name, company, legalForm, address1, address2, address3, postcode, city: Int?
    var country, npai, family, paymentMode, paymentModeLabel, phone, mobile, fax, risk: Int?
    var blocked, creditLimit, vatMode, vatNumber, accountingAccount, discountRate, notes: Int?
    var email, website, siret, representative, priceList, createdOn, lastOrderOn: Int?
    var activityCode, customerType, miscellaneous: Int?
  }

  public init(header: Header, tables: SalesManagementTables, kind: CompanyKind = .customer) {
    self.tables = tables
    self.kind = kind
    mainContact = MainContactMapping(header: header)
    typealias F = CustomerFields
    columns = Columns(
      code: header.column(ProspectFields.code) ?? header.column(F.code),
      name: header.column(F.name),
      company: header.column(F.company), legalForm: header.column(F.legalForm),
      address1: header.column(F.address1), address2: header.column(F.address2),
      address3: header.column(F.address3), postcode: header.column(F.postcode),
      city: header.column(F.city), country: header.column(F.country),
      npai: header.column(F.doesNotLiveAtAddress), family: header.column(F.customerFamily),
      paymentMode: header.column(F.paymentMode),
      paymentModeLabel: header.column(F.paymentModeLabel), phone: header.column(F.phone),
      mobile: header.column(F.mobile), fax: header.column(F.fax), risk: header.column(F.risk),
      blocked: header.column(F.blocked), creditLimit: header.column(F.creditLimit),
      vatMode: header.column(F.vatMode), vatNumber: header.column(F.vatNumber),
      accountingAccount: header.column(F.accountingAccount),
      discountRate: header.column(F.discountRate), notes: header.column(F.notes),
      email: header.column(F.email), website: header.column(F.website),
      siret: header.column(F.siret), representative: header.column(F.representative),
      priceList: header.column(F.priceList), createdOn: header.column(F.createdOn),
      lastOrderOn: header.column(F.lastOrderOn), activityCode: header.column(F.activityCode),
      customerType: header.column(F.customerType), miscellaneous: header.column(F.miscellaneous))
  }

  /// Maps one row. `userId` resolves a Sage representative code to an SM user id.
  public func map(_ row: SourceRow, userId: (String) -> Int?) -> MappedRecord {
    var reader = RowValues(row: row, key: "")
    let code = reader.readKey(
      columns.code, kind == .customer ? CustomerFields.code : ProspectFields.code,
      noun: kind.rawValue, maximumLength: Self.maximumCodeLength)
    var record = MappedRecord(key: code, data: [], salesRep: .none, issues: [])
    if code.isEmpty {
      record.issues = reader.issues
      return record
    }
    let company = reader.raw(columns.company)
    let personName = reader.raw(columns.name)
    if company.isEmpty && personName.isEmpty {
      reader.error(
        .missingRequired, CustomerFields.company, "neither Société nor Nom is filled in", "")
    }
    if reader.hasError {
      record.issues = reader.issues
      return record
    }

    let countryText = reader.text(columns.country)
    var countryISO: String? = nil
    if !countryText.isEmpty {
      countryISO = Countries.isoCode(for: countryText)
      if countryISO == nil {
        reader.warning(
          .unknownCountry, CustomerFields.country, "no ISO country matches this name; left out",
          countryText)
      }
    }
    let phoneCountry = countryISO ?? "FR"
    let encoding = row.encoding

    var data = JSONObject()
    data.text("name", company.isEmpty ? personName : company, encoding: encoding)
    data.string("extId", code)
    // A customer belongs to Sage; a prospect may be edited in SM (`docs/sync-rules.md`).
    data.bool("readOnly", kind == .customer)
    data.text("address1", reader.raw(columns.address1), encoding: encoding)
    data.text(
      "address2", reader.raw(columns.address2), reader.raw(columns.address3), encoding: encoding)
    data.text("postcode", reader.raw(columns.postcode), encoding: encoding)
    data.text("city", reader.raw(columns.city), encoding: encoding)
    if let iso = countryISO, let countryId = tables.countryIds[iso] {
      data.integer("countryId", countryId)
    }
    let phone = reader.phone(columns.phone, CustomerFields.phone, phoneCountry)
    let mobile = reader.phone(columns.mobile, CustomerFields.mobile, phoneCountry)
    let fax = reader.phone(columns.fax, CustomerFields.fax, phoneCountry)
    let email = reader.email(columns.email, CustomerFields.email)
    data.string("phone", phone)
    data.string("phone2", mobile)
    data.string("fax", fax)
    data.string("email", email)
    data.text("web", reader.raw(columns.website), encoding: encoding)
    data.text("comment", reader.raw(columns.notes), encoding: encoding)
    if let branchId = tables.branchId { data.integer("branchId", branchId) }

    let customerType = reader.listValue(columns.customerType)
    if kind == .prospect, let prospectTypeId = tables.prospectTypeId {
      data.integer("typeId", prospectTypeId)
    } else if customerType.isEmpty || tables.accountTypeIds.isEmpty {
      // Nothing to translate: the type travels in Z_TYPE_CLIENT only.
    } else if let typeId = tables.accountTypeIds[LabelKey.normalise(customerType)] {
      data.integer("typeId", typeId)
    } else {
      reader.warning(
        .unmappedValue, CustomerFields.customerType,
        "no SM type is configured for this customer type; kept in Z_TYPE_CLIENT", customerType)
    }

    let representative = reader.listValue(columns.representative)
    if !representative.isEmpty {
      if let id = userId(representative) {
        record.salesRep = .mapped(id)
        data.integer("salesRepId1", id)
      } else {
        record.salesRep = .unmapped(representative)
      }
    }

    // Extras: what SM has no standard field for.
    data.string("Z_NATURE", kind == .customer ? "Client" : "Prospect")
    data.text("Z_SOCIETE_NOM", company.isEmpty ? reader.none : personName, encoding: encoding)
    data.text("Z_FORME_JURIDIQUE", reader.rawListValue(columns.legalForm), encoding: encoding)
    let siret = reader.siret(columns.siret)
    data.string("Z_SIRET", siret.count == 14 ? siret : "")
    data.string("Z_SIREN", siret.isEmpty ? "" : String(siret.prefix(9)))
    data.string("Z_TVA_INTRACOM", reader.vatNumber(columns.vatNumber))
    data.text("Z_NAF", reader.raw(columns.activityCode), encoding: encoding)
    data.string("Z_PAYS_ISO", countryISO ?? "")
    data.text("Z_MODE_PAIEMENT", reader.rawListValue(columns.paymentMode), encoding: encoding)
    data.text(
      "Z_MODE_PAIEMENT_LIBELLE", reader.rawListValue(columns.paymentModeLabel),
      encoding: encoding)
    data.text("Z_FAMILLE_CLIENT", reader.rawListValue(columns.family), encoding: encoding)
    data.string("Z_TYPE_CLIENT", customerType)
    data.string("Z_REPRESENTANT", representative)
    data.text("Z_CODE_TARIF", reader.rawListValue(columns.priceList), encoding: encoding)
    data.text("Z_COMPTE_COMPTABLE", reader.raw(columns.accountingAccount), encoding: encoding)
    data.text("Z_MODE_TVA", reader.rawListValue(columns.vatMode), encoding: encoding)
    data.bool("Z_BLOQUE", reader.boolean(columns.blocked, CustomerFields.blocked))
    data.bool("Z_NPAI", reader.boolean(columns.npai, CustomerFields.doesNotLiveAtAddress))
    data.bool(
      "Z_CLIENT_DIVERS", reader.boolean(columns.miscellaneous, CustomerFields.miscellaneous))
    reader.number(&data, "Z_ENCOURS_AUTORISE", columns.creditLimit, CustomerFields.creditLimit)
    reader.number(&data, "Z_TAUX_REMISE", columns.discountRate, CustomerFields.discountRate)
    reader.number(&data, "Z_RISQUE", columns.risk, CustomerFields.risk)
    reader.date(&data, "Z_DATE_CREATION", columns.createdOn, CustomerFields.createdOn)
    reader.date(
      &data, "Z_DATE_DERNIERE_COMMANDE", columns.lastOrderOn, CustomerFields.lastOrderOn)
    record.data = data.close()
    if kind == .prospect {
      var snapshot = FieldSnapshot.Builder()
      snapshot.add("Société", company, encoding: encoding)
      snapshot.add("Nom", personName, encoding: encoding)
      snapshot.add("Adresse 1", reader.raw(columns.address1), encoding: encoding)
      snapshot.add("Adresse 2", reader.raw(columns.address2), encoding: encoding)
      snapshot.add("Adresse 3", reader.raw(columns.address3), encoding: encoding)
      snapshot.add("Code Postal", reader.raw(columns.postcode), encoding: encoding)
      snapshot.add("Ville", reader.raw(columns.city), encoding: encoding)
      snapshot.add("Pays", countryText)
      snapshot.add("Téléphone", reader.raw(columns.phone), encoding: encoding)
      snapshot.add("Portable", reader.raw(columns.mobile), encoding: encoding)
      snapshot.add("Fax", reader.raw(columns.fax), encoding: encoding)
      snapshot.add("E-mail", reader.raw(columns.email), encoding: encoding)
      snapshot.add("URL", reader.raw(columns.website), encoding: encoding)
      snapshot.add("Observations", reader.raw(columns.notes), encoding: encoding)
      snapshot.add("Représentant", representative)
      snapshot.leftOut("phone", holding: reader.raw(columns.phone), sent: phone)
      snapshot.leftOut("phone2", holding: reader.raw(columns.mobile), sent: mobile)
      snapshot.leftOut("fax", holding: reader.raw(columns.fax), sent: fax)
      snapshot.leftOut("email", holding: reader.raw(columns.email), sent: email)
      record.sharedFields = snapshot.bytes
    }
    if let contact = mainContact.map(row, company: code, countryISO: phoneCountry) {
      record.companions.append(contact)
    }
    record.issues = reader.issues
    return record
  }
}

/// Reads and checks the values of one row, collecting issues with the row's line,
/// key and field label, so that every mapping reports problems the same way.
package struct RowValues {
  let row: SourceRow
  var key: String
  var issues: [RowIssue] = []

  init(row: SourceRow, key: String) {
    self.row = row
    self.key = key
  }

  var hasError: Bool { issues.contains { $0.severity == .error } }

  /// Reads the record's Sage code into `key`, with the errors every keyed entity
  /// shares: no code, or one longer than the target allows (never truncated).
  mutating func readKey(
    _ column: Int?, _ field: FieldLabel, noun: String, maximumLength: Int
  ) -> String {
    let code = text(column)
    key = code
    if code.isEmpty {
      error(.missingKey, field, "the \(noun) has no Sage code", "")
    } else if code.count > maximumLength {
      error(
        .keyTooLong, field,
        "the code has \(code.count) characters; Sage 50 allows \(maximumLength)", code)
    }
    return code
  }

  func text(_ column: Int?) -> String {
    guard let column else { return "" }
    return row.text(column)
  }

  /// The trimmed bytes of a column, for values copied as they are (valid during the visit).
  func raw(_ column: Int?) -> UnsafeRawBufferPointer {
    guard let column else { return none }
    return row.trimmed(column)
  }

  var none: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: nil, count: 0) }

  /// A value-list column's bytes, empty when Sage wrote "Aucun"/"Aucune".
  func rawListValue(_ column: Int?) -> UnsafeRawBufferPointer {
    let value = raw(column)
    return FrenchValue.isNone(value) ? none : value
  }

  /// A value-list column, where Sage writes "Aucun"/"Aucune" for none.
  func listValue(_ column: Int?) -> String {
    let value = text(column)
    return FrenchValue.isNone(value) ? "" : value
  }

  mutating func error(_ code: ReasonCode, _ field: FieldLabel, _ message: String, _ value: String) {
    issues.append(
      RowIssue(
        line: row.line, key: key, field: field.label, severity: .error, code: code,
        message: message, value: value))
  }

  mutating func warning(
    _ code: ReasonCode, _ field: FieldLabel, _ message: String, _ value: String
  ) {
    issues.append(
      RowIssue(
        line: row.line, key: key, field: field.label, severity: .warning, code: code,
        message: message, value: value))
  }

  mutating func phone(_ column: Int?, _ field: FieldLabel, _ countryISO: String) -> String {
    let raw = text(column)
    if raw.isEmpty { return "" }
    switch FrenchIdentifier.phone(raw, countryISO: countryISO) {
    case .valid(let number): return number
    case .invalid(let reason):
      warning(.invalidPhone, field, "\(reason); left out", raw)
      return ""
    }
  }

  mutating func email(_ column: Int?, _ field: FieldLabel) -> String {
    let raw = text(column)
    if raw.isEmpty { return "" }
    switch FrenchIdentifier.email(raw) {
    case .valid(let address): return address
    case .invalid(let reason):
      warning(.invalidEmail, field, "\(reason); left out", raw)
      return ""
    }
  }

  mutating func siret(_ column: Int?) -> String {
    let raw = text(column)
    if raw.isEmpty { return "" }
    switch FrenchIdentifier.siret(raw) {
    case .valid(let number): return number
    case .invalid(let reason):
      warning(.invalidSIRET, CustomerFields.siret, "\(reason); left out", raw)
      return ""
    }
  }

  mutating func vatNumber(_ column: Int?) -> String {
    let raw = text(column)
    if raw.isEmpty { return "" }
    switch FrenchIdentifier.vatNumber(raw) {
    case .valid(let number): return number
    case .invalid(let reason):
      warning(.invalidVATNumber, CustomerFields.vatNumber, "\(reason); left out", raw)
      return ""
    }
  }

  mutating func boolean(_ column: Int?, _ field: FieldLabel) -> Bool {
    let raw = text(column)
    if raw.isEmpty { return false }
    if let flag = FrenchValue.boolean(raw) { return flag }
    warning(.badNumber, field, "not a yes/no value (Oui, Non, 1, 0); read as no", raw)
    return false
  }

  mutating func number(
    _ data: inout JSONObject, _ name: StaticString, _ column: Int?, _ field: FieldLabel
  ) {
    let raw = text(column)
    if raw.isEmpty { return }
    if let literal = FrenchValue.decimalLiteral(raw) {
      data.number(name, literal: literal)
    } else {
      warning(.badNumber, field, "not a number; left out", raw)
    }
  }

  mutating func date(
    _ data: inout JSONObject, _ name: StaticString, _ column: Int?, _ field: FieldLabel
  ) {
    let raw = text(column)
    if raw.isEmpty { return }
    if let date = FrenchValue.date(raw) {
      data.string(name, date.iso)
    } else {
      warning(.badDate, field, "not a date (dd/mm/yyyy); left out", raw)
    }
  }
}
