import Foundation

@testable import PasserelleCore
@testable import SageToSalesManagement

/// A Sage customer export of 2,000 companies and an SM that reps have filled by hand
/// for years (500 accounts, 800 contacts, none with an `extId`), drawn from one seed,
/// with the truth of which SM record is which Sage customer: what a first
/// connection to an SM already in use is judged on.
///
/// - 300 export companies were typed in SM, the way reps type: another case, no
///   accents, a legal form added or left out, words swapped, phones written
///   otherwise, sometimes the same e-mail, sometimes the city without a postcode.
///   Six of them were typed twice (the second entries belong to the SM-only
///   records): nobody but IT can tell which entry is the company.
/// - 200 SM-only accounts: those six second entries, 25 other branches of export
///   companies (same name, another postcode and city), 25 neighbours (same trade,
///   another family name, same postcode) and 144 companies Sage does not know.
/// - 800 contacts: for 240 of the 300 companies, the Sage row's main contact typed
///   by hand; the others are colleagues Sage does not list.
///
/// Names, phones and e-mail domains never repeat where they would make two
/// different companies alike: only the cases above resemble each other.
struct FirstConnectionFixture {
  static let customerCount = 2_000
  static let sameCompanyCount = 300
  static let typedTwiceCount = 6
  static let otherBranchCount = (ofTyped: 5, ofNew: 20)
  static let neighbourCount = (ofTyped: 5, ofNew: 20)
  static let smOnlyCount = 200
  static let cityOnlyCount = 8
  static let typedMainContactCount = 240
  static let extraColleagueCount = 60

  /// A person as a Sage row names them (`Nom du contact`, `Titre du contact`).
  struct Person {
    let civility: String
    let firstName: String
    let lastName: String
    let email: String?

    /// Sage's way of writing a person: the last name in capitals, then the first name.
    var sageName: String { "\(lastName.uppercased()) \(firstName)" }
  }

  /// One customer of the export, as its row gives it.
  struct Company {
    let code: String
    let trade: String
    let family: String
    /// `Société`: trade and family name, sometimes with a legal form inside.
    let name: String
    let legalForm: String
    let place: Place
    /// Ten digits, from 0: Sage writes them in pairs.
    let phone: String
    let email: String?
    let contact: Person
    /// The `extId` of the row's main contact in SM.
    let contactExtId: String

    var bareName: String { "\(trade) \(family)" }
  }

  /// Where a company is: its postcode, its city, and the region its phones start with.
  struct Place: Equatable {
    let postcode: String
    let city: String
    let region: Int
  }

  /// An account typed by hand in SM, and what it really is.
  struct TypedAccount {
    enum Role {
      /// An export company, typed once (or first, when typed twice).
      case sameCompany
      /// The second entry of an export company typed twice.
      case secondEntry
      /// Another branch of an export company: same name, elsewhere.
      case otherBranch
      /// The same trade next door to an export company, under another name.
      case neighbour
      /// A company Sage does not know.
      case smOnly
    }

    let role: Role
    /// The Sage code of the company it is; nil when Sage does not list it.
    let truth: String?
    /// The export company it was made to resemble, for failure messages.
    let resembles: String?
    let name: String
    let postcode: String?
    let city: String
    let phone: String?
    let email: String?
    let salesRepId: Int?

    /// The record as the admin endpoint takes it.
    var record: [String: Any] {
      var record: [String: Any] = ["name": name, "city": city]
      record["postcode"] = postcode
      record["phone"] = phone
      record["email"] = email
      record["salesRepId1"] = salesRepId
      return record
    }
  }

  /// A contact typed by hand in SM, and which Sage main contact it really is.
  struct TypedContact {
    /// Its account: an index into `accounts`.
    let account: Int
    let firstName: String
    let lastName: String
    let email: String?
    /// The `extId` of the Sage main contact it is; nil for a colleague Sage does not list.
    let truth: String?

    func record(accountId: Int) -> [String: Any] {
      var record: [String: Any] = [
        "accountId": accountId, "firstName": firstName, "lastName": lastName, "salesRepId": 1,
      ]
      record["email"] = email
      return record
    }
  }

  let seed: UInt64
  /// The export's companies, in row order (`F00001` first).
  let companies: [Company]
  let accounts: [TypedAccount]
  let contacts: [TypedContact]
  /// The export as Sage writes it: TAB separated, Windows-1252.
  let export: [UInt8]
  /// The codes of the 300 companies SM already holds.
  let typedCodes: Set<String>
  /// The codes of the companies typed twice: only IT can choose.
  let typedTwiceCodes: Set<String>
  /// Per typed code, the index in `accounts` of its first entry.
  let firstEntry: [String: Int]
  /// Per code typed twice, the index in `accounts` of its second entry.
  let secondEntry: [String: Int]

  /// The codes of the companies SM does not hold: each must be created once.
  var newCodes: [String] { companies.map(\.code).filter { !typedCodes.contains($0) } }

  init(seed: UInt64) throws {
    self.seed = seed
    var draw = Draw(seed: seed)
    let builder = try CustomerExportBuilder()
    var companies: [Company] = []
    for index in 0..<Self.customerCount {
      companies.append(draw.company(code: builder.code("F", index)))
    }
    let picks = draw.picks(companies)
    let accounts = draw.typedAccounts(picks)
    let typedMainContacts = draw.pick(picks.typed, count: Self.typedMainContactCount)
    contacts = draw.contacts(
      of: accounts, companies: Dictionary(uniqueKeysWithValues: companies.map { ($0.code, $0) }),
      typedMainContacts: Set(typedMainContacts.map(\.code)))
    self.companies = companies
    self.accounts = accounts
    typedCodes = Set(picks.typed.map(\.code))
    typedTwiceCodes = Set(picks.typedTwice.map(\.code))
    firstEntry = Self.index(of: .sameCompany, in: accounts)
    secondEntry = Self.index(of: .secondEntry, in: accounts)
    let columns = try ExportColumns(header: builder.header)
    export = builder.build(count: Self.customerCount, prefix: "F") { index, fields in
      columns.fill(&fields, with: companies[index])
    }
  }

  private static func index(of role: TypedAccount.Role, in accounts: [TypedAccount])
    -> [String: Int]
  {
    var found: [String: Int] = [:]
    for (index, account) in accounts.enumerated() where account.role == role {
      found[account.truth!] = index
    }
    return found
  }
}

// MARK: - Seeding SM

/// The ids SM gave the seeded records, in the fixture's order.
struct SeededIds {
  let accounts: [Int]
  let contacts: [Int]
}

extension FirstConnectionFixture {
  /// Types every account, then every contact, into the emulator as SM users would,
  /// a few hundred records per admin call.
  func seed(into session: EmulatorSession, chunk: Int = 250) async throws -> SeededIds {
    let accountIds = try await insert(accounts.map(\.record), as: "accounts", session, chunk)
    let contactRecords = contacts.map { $0.record(accountId: accountIds[$0.account]) }
    let contactIds = try await insert(contactRecords, as: "contacts", session, chunk)
    return SeededIds(accounts: accountIds, contacts: contactIds)
  }

  private func insert(
    _ records: [[String: Any]], as resource: String, _ session: EmulatorSession, _ chunk: Int
  ) async throws -> [Int] {
    var ids: [Int] = []
    for start in stride(from: 0, to: records.count, by: chunk) {
      let part = Array(records[start..<min(start + chunk, records.count)])
      let answer = try await session.insert(resource, part)
      guard answer.count == part.count else {
        throw TestError("seeding \(resource): \(answer.count) ids for \(part.count) records")
      }
      ids += answer
    }
    return ids
  }
}

// MARK: - Drawing

/// The draws behind the fixture, and what they must not draw twice.
private struct Draw {
  typealias Company = FirstConnectionFixture.Company
  typealias Account = FirstConnectionFixture.TypedAccount
  typealias Contact = FirstConnectionFixture.TypedContact

  var random: SeededGenerator
  /// Trade and family name pairs in use: each names one company only.
  var usedNames: Set<[Int]> = []
  var usedPhones: Set<String> = []

  init(seed: UInt64) { random = SeededGenerator(seed: seed) }

  mutating func chance(_ probability: Double) -> Bool {
    Double.random(in: 0..<1, using: &random) < probability
  }

  mutating func number(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }

  mutating func element<T>(_ list: [T]) -> T { list[number(0..<list.count)] }

  mutating func pick<T>(_ list: [T], count: Int) -> [T] {
    Array(list.shuffled(using: &random).prefix(count))
  }

  /// A trade and family name no company bears yet (in `trade` when given).
  mutating func newName(trade: Int? = nil) -> (trade: Int, family: Int) {
    while true {
      var pair = [number(0..<Names.trades.count), number(0..<Names.families.count)]
      if let trade { pair[0] = trade }
      if usedNames.insert(pair).inserted { return (pair[0], pair[1]) }
    }
  }

  /// Ten digits no other company has, starting with the region's prefix.
  mutating func newPhone(region: Int) -> String {
    while true {
      let digits = String(number(0..<100_000_000))
      let phone = "0\(region)" + String(repeating: "0", count: 8 - digits.count) + digits
      if usedPhones.insert(phone).inserted { return phone }
    }
  }

  mutating func company(code: String) -> Company {
    let (trade, family) = newName()
    let bare = "\(Names.trades[trade]) \(Names.families[family])"
    let legalForm = element(Names.legalForms)
    var name = bare
    // Some write the legal form inside the name as well.
    let formInside = chance(0.3)
    let formFirst = chance(0.5)
    if formInside && ["SARL", "SAS", "EURL"].contains(legalForm) {
      name = formFirst ? "\(legalForm) \(bare)" : "\(bare) \(legalForm)"
    }
    let place = element(Names.places)
    let domain = Names.slug(bare) + ".fr"
    let contact = person(domain: domain, emailChance: 0.5)
    let phone = newPhone(region: place.region)
    let email = chance(0.5) ? "contact@\(domain)" : nil
    let contactExtId = ContactIdentity.derived(
      company: code, person: PersonName.split(contact.sageName))
    return Company(
      code: code, trade: Names.trades[trade], family: Names.families[family], name: name,
      legalForm: legalForm, place: place, phone: phone, email: email, contact: contact,
      contactExtId: contactExtId)
  }

  /// Someone whose last name is none of `avoiding` (folded), mailed at `domain` sometimes.
  mutating func person(domain: String, emailChance: Double, avoiding: Set<String> = [])
    -> FirstConnectionFixture.Person
  {
    let female = chance(0.5)
    let first = element(female ? Names.womenFirstNames : Names.menFirstNames)
    var last = element(Names.families)
    while avoiding.contains(Names.folded(last)) { last = element(Names.families) }
    let mailed = chance(emailChance)
    let email = mailed ? "\(Names.slug(first)).\(Names.slug(last))@\(domain)" : nil
    return FirstConnectionFixture.Person(
      civility: female ? "Mme" : "M.", firstName: first, lastName: last, email: email)
  }
}

// MARK: - Which companies SM holds

/// The export companies chosen to appear in SM, and how.
private struct Picks {
  typealias Company = FirstConnectionFixture.Company
  /// Typed once or twice: 300.
  let typed: [Company]
  let typedTwice: [Company]
  let cityOnly: Set<String>
  let branchesOf: [Company]
  let neighboursOf: [Company]
}

extension Draw {
  fileprivate mutating func picks(_ companies: [Company]) -> Picks {
    typealias Fixture = FirstConnectionFixture
    let shuffled = companies.shuffled(using: &random)
    let typed = Array(shuffled.prefix(Fixture.sameCompanyCount))
    let new = Array(shuffled.dropFirst(Fixture.sameCompanyCount))
    // Confounders go to companies typed once, and to companies SM lacks.
    var once = Array(typed.dropFirst(Fixture.typedTwiceCount))
    let branchesOfTyped = Array(once.prefix(Fixture.otherBranchCount.ofTyped))
    once.removeFirst(Fixture.otherBranchCount.ofTyped)
    let neighboursOfTyped = Array(once.prefix(Fixture.neighbourCount.ofTyped))
    once.removeFirst(Fixture.neighbourCount.ofTyped)
    let cityOnly = once.prefix(Fixture.cityOnlyCount).map(\.code)
    let branchesOfNew = Array(new.prefix(Fixture.otherBranchCount.ofNew))
    let neighboursOfNew = Array(
      new.dropFirst(Fixture.otherBranchCount.ofNew).prefix(Fixture.neighbourCount.ofNew))
    return Picks(
      typed: typed, typedTwice: Array(typed.prefix(Fixture.typedTwiceCount)),
      cityOnly: Set(cityOnly), branchesOf: branchesOfTyped + branchesOfNew,
      neighboursOf: neighboursOfTyped + neighboursOfNew)
  }

  /// The 500 accounts, shuffled so that ids say nothing of what each one is.
  fileprivate mutating func typedAccounts(_ picks: Picks) -> [Account] {
    var accounts: [Account] = []
    let twice = Set(picks.typedTwice.map(\.code))
    for company in picks.typed {
      if twice.contains(company.code) {
        accounts += typedTwice(company)
      } else {
        accounts.append(typedOnce(company, cityOnly: picks.cityOnly.contains(company.code)))
      }
    }
    for company in picks.branchesOf { accounts.append(otherBranch(of: company)) }
    for company in picks.neighboursOf { accounts.append(neighbour(of: company)) }
    let smOnlySoFar = accounts.count - picks.typed.count
    for _ in smOnlySoFar..<FirstConnectionFixture.smOnlyCount { accounts.append(smOnly()) }
    return accounts.shuffled(using: &random)
  }
}

// MARK: - Accounts as reps type them

extension Draw {
  /// A company typed once: its name and place one way or another, a phone most
  /// of the time, its e-mail now and then.
  fileprivate mutating func typedOnce(_ company: Company, cityOnly: Bool) -> Account {
    let (sameEmail, emailInCapitals) = (chance(0.35), chance(0.3))
    var email: String? = nil
    if let address = company.email, sameEmail {
      email = emailInCapitals ? address.uppercased() : address
    }
    let style = element(Names.nameStyles)
    let city = typedCity(company.place.city)
    let phoned = chance(0.9) || cityOnly
    let phone = typedPhone(company.phone)
    let rep = chance(0.5) ? number(1..<6) : nil
    return Account(
      role: .sameCompany, truth: company.code, resembles: nil, name: typedName(company, style),
      postcode: cityOnly ? nil : company.place.postcode, city: city,
      phone: phoned ? phone : nil, email: email, salesRepId: rep)
  }

  /// A company typed twice, alike enough that neither entry is better: name, postcode
  /// and phone each time, no e-mail.
  fileprivate mutating func typedTwice(_ company: Company) -> [Account] {
    let first = element(Names.nameStyles)
    var second = element(Names.nameStyles)
    while second == first { second = element(Names.nameStyles) }
    let styles: [(Account.Role, NameStyle)] = [(.sameCompany, first), (.secondEntry, second)]
    var entries: [Account] = []
    for (role, style) in styles {
      let city = typedCity(company.place.city)
      let phone = typedPhone(company.phone)
      entries.append(
        Account(
          role: role, truth: company.code, resembles: nil, name: typedName(company, style),
          postcode: company.place.postcode, city: city, phone: phone, email: nil,
          salesRepId: nil))
    }
    return entries
  }

  /// Same name, another postcode and city, its own phone and mail domain.
  fileprivate mutating func otherBranch(of company: Company) -> Account {
    var place = element(Names.places)
    while place.postcode == company.place.postcode || place.city == company.place.city {
      place = element(Names.places)
    }
    let domain = "\(Names.slug(company.bareName))-\(Names.slug(place.city)).fr"
    let capitals = chance(0.5)
    let phone = typedPhone(newPhone(region: place.region))
    let mailed = chance(0.4)
    return Account(
      role: .otherBranch, truth: nil, resembles: company.code,
      name: capitals ? company.name.uppercased() : company.name, postcode: place.postcode,
      city: place.city, phone: phone, email: mailed ? "contact@\(domain)" : nil, salesRepId: 1)
  }

  /// The same trade at the same postcode, under a family name of its own.
  fileprivate mutating func neighbour(of company: Company) -> Account {
    let (_, family) = newName(trade: Names.trades.firstIndex(of: company.trade)!)
    let name = "\(company.trade) \(Names.families[family])"
    let phone = typedPhone(newPhone(region: company.place.region))
    let mailed = chance(0.3)
    return Account(
      role: .neighbour, truth: nil, resembles: company.code, name: name,
      postcode: company.place.postcode, city: company.place.city, phone: phone,
      email: mailed ? "contact@\(Names.slug(name)).fr" : nil, salesRepId: 2)
  }

  /// A company Sage does not know, sometimes with its city only.
  fileprivate mutating func smOnly() -> Account {
    let (trade, family) = newName()
    let name = "\(Names.trades[trade]) \(Names.families[family])"
    let place = element(Names.places)
    let capitals = chance(0.3)
    let withPostcode = chance(0.95)
    let phone = typedPhone(newPhone(region: place.region))
    let mailed = chance(0.3)
    let rep = chance(0.5) ? number(1..<6) : nil
    return Account(
      role: .smOnly, truth: nil, resembles: nil, name: capitals ? name.uppercased() : name,
      postcode: withPostcode ? place.postcode : nil, city: place.city, phone: phone,
      email: mailed ? "contact@\(Names.slug(name)).fr" : nil, salesRepId: rep)
  }

  private func typedName(_ company: Company, _ style: NameStyle) -> String {
    let bare = company.bareName
    switch style {
    case .asIs: return company.name
    case .capitals: return company.name.uppercased()
    case .lowercaseUnaccented: return Names.unaccented(bare).lowercased()
    case .unaccented: return Names.unaccented(bare)
    case .formAfter: return "\(bare) SARL"
    case .dottedFormBefore: return "S.A.R.L. \(Names.unaccented(bare))"
    case .formBefore: return "SAS \(bare.uppercased())"
    case .dashed: return "\(company.trade) - \(company.family)"
    case .familyFirst: return "\(company.family) \(company.trade)"
    }
  }

  private mutating func typedCity(_ city: String) -> String {
    switch number(0..<3) {
    case 0: return city
    case 1: return city.uppercased()
    default: return Names.unaccented(city).uppercased()
    }
  }

  /// The same ten digits, written as reps write them.
  private mutating func typedPhone(_ digits: String) -> String {
    let pairs = stride(from: 0, to: 10, by: 2).map { String(digits.dropFirst($0).prefix(2)) }
    switch number(0..<4) {
    case 0: return "+33 \(digits.dropFirst().prefix(1)) " + pairs.dropFirst().joined(separator: " ")
    case 1: return pairs.joined(separator: ".")
    case 2: return digits
    default: return pairs.joined(separator: " ")
    }
  }
}

/// How a rep writes a company's name.
private enum NameStyle {
  case asIs, capitals, lowercaseUnaccented, unaccented, formAfter, dottedFormBefore, formBefore
  case dashed, familyFirst
}

// MARK: - Contacts as reps type them

extension Draw {
  /// One colleague per account (two for some), and for the companies of
  /// `typedMainContacts`, the Sage main contact typed again; shuffled.
  fileprivate mutating func contacts(
    of accounts: [Account], companies: [String: Company], typedMainContacts: Set<String>
  ) -> [Contact] {
    var contacts: [Contact] = []
    let extra = Set(
      pick(Array(accounts.indices), count: FirstConnectionFixture.extraColleagueCount))
    for (index, account) in accounts.enumerated() {
      let company = account.truth.flatMap { companies[$0] }
      if let company, account.role == .sameCompany, typedMainContacts.contains(company.code) {
        contacts.append(typedMainContact(company, account: index))
      }
      // A colleague never bears a name of the company's Sage main contact.
      var avoiding: Set<String> = []
      if let company {
        avoiding = [
          Names.folded(company.contact.firstName), Names.folded(company.contact.lastName),
        ]
      }
      contacts.append(colleague(account: index, avoiding: avoiding))
      if extra.contains(index) { contacts.append(colleague(account: index, avoiding: avoiding)) }
    }
    return contacts.shuffled(using: &random)
  }

  /// The Sage main contact typed by hand: accents dropped now and then, the last
  /// name in any case, sometimes the same e-mail.
  private mutating func typedMainContact(_ company: Company, account: Int) -> Contact {
    let sage = company.contact
    let first = chance(0.3) ? Names.unaccented(sage.firstName) : sage.firstName
    let last: String
    switch number(0..<4) {
    case 0: last = sage.lastName
    case 1: last = sage.lastName.uppercased()
    case 2: last = Names.unaccented(sage.lastName).lowercased()
    default: last = Names.unaccented(sage.lastName)
    }
    let sameEmail = chance(0.4)
    return Contact(
      account: account, firstName: first, lastName: last, email: sameEmail ? sage.email : nil,
      truth: company.contactExtId)
  }

  /// Someone Sage does not list, mailed at a public address now and then.
  private mutating func colleague(account: Int, avoiding: Set<String>) -> Contact {
    let someone = person(domain: "orange.fr", emailChance: 0.4, avoiding: avoiding)
    return Contact(
      account: account, firstName: someone.firstName, lastName: someone.lastName,
      email: someone.email, truth: nil)
  }
}

// MARK: - Names and places

/// Trades, family and first names, and places of the draws. No two trades share a
/// word, and no two family names are one letter apart (as Dupont and Dumont are):
/// only the confounders meant to be alike are.
private enum Names {
  static let trades: [String] = [
    "Boulangerie", "Boucherie", "Épicerie", "Pâtisserie", "Plomberie", "Menuiserie",
    "Électricité", "Pharmacie", "Librairie", "Coiffure", "Quincaillerie", "Charcuterie",
    "Fromagerie", "Brasserie", "Imprimerie", "Cordonnerie", "Optique", "Carrosserie",
    "Serrurerie", "Transports", "Ambulances", "Taxis", "Bijouterie", "Droguerie", "Mercerie",
    "Papeterie", "Poissonnerie", "Traiteur", "Maçonnerie", "Peinture", "Chauffage",
    "Jardinerie", "Pressing", "Vitrerie", "Ébénisterie", "Tapisserie", "Fleuriste",
    "Garage du Centre", "Café de la Gare", "Hôtel de la Poste", "Auto-école", "Cave à vins",
  ]

  static let families: [String] = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet",
    "François", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry",
    "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Lopez", "Fontaine", "Chevalier",
    "Robin", "Masson", "Sanchez", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly",
    "Roger", "Roche", "Meyer", "Lucas", "Meunier", "Pérez", "Marchand", "Dufour", "Blanchard",
    "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Colin", "Fernandez", "Renard", "Arnaud",
    "Rolland", "Caron", "Aubert", "Leclerc", "Vidal", "Bourgeois", "Lemoine", "Picard",
    "Gaillard", "Lacroix", "Dupuis", "Olivier", "Guillot", "Rivière", "Guillaume", "Adam",
    "Moulin", "Berger", "Lecomte", "Fleury", "Deschamps", "Carpentier", "Julien", "Benoît",
    "Aubry", "Vasseur", "Jacquet", "Collet", "Prévost", "Poirier", "Huet", "Pons", "Carré",
    "Rémy", "Schneider", "Perrot", "Guyot", "Marty", "Cousin", "Kerboriou", "Tessier", "Hamon",
    "Chauvin", "Texier", "Bouvier", "Labbé", "Launay", "Hoarau", "Paquet", "Etienne", "Lebrun",
    "Weber", "Rey", "Joubert", "Delmas", "Bailly", "Gilles", "Mallet", "Hervé", "Laporte",
    "Bouchet", "Leblanc",
  ]

  static let womenFirstNames: [String] = [
    "Claire", "Hélène", "Agnès", "Céline", "Zoé", "Élodie", "Camille", "Nathalie", "Amélie",
    "Gaëlle", "Cécile", "Aurélie", "Anaïs", "Noémie", "Léa", "Chloé", "Inès", "Sophie",
    "Isabelle", "Émilie", "Valérie", "Sandrine", "Laure", "Mélanie",
  ]

  static let menFirstNames: [String] = [
    "Jérôme", "François", "Loïc", "Mathieu", "Thomas", "Julien", "Sébastien", "Benoît",
    "Stéphane", "Frédéric", "Théo", "Raphaël", "Hugo", "Lucas", "Pierre", "Olivier", "Antoine",
    "Rémi", "Grégoire", "Nicolas", "Cédric", "Jean-Marc", "Hervé", "Étienne",
  ]

  /// `Forme juridique`, left empty for some.
  static let legalForms: [String] = ["SARL", "SARL", "SAS", "SAS", "EURL", "SASU", "EI", ""]

  /// Each style once, the plain ones more often; words swapped for a few only.
  static let nameStyles: [NameStyle] = [
    .asIs, .asIs, .asIs, .capitals, .capitals, .lowercaseUnaccented, .lowercaseUnaccented,
    .unaccented, .unaccented, .formAfter, .dottedFormBefore, .formBefore, .dashed, .familyFirst,
  ]

  typealias Place = FirstConnectionFixture.Place

  static let places = placeTable.map { Place(postcode: $0.0, city: $0.1, region: $0.2) }

  /// Postcode, city, and the second digit of its phone numbers.
  private static let placeTable: [(String, String, Int)] = [
    ("75011", "Paris", 1), ("92100", "Boulogne-Billancourt", 1), ("93100", "Montreuil", 1),
    ("94400", "Vitry-sur-Seine", 1), ("78000", "Versailles", 1), ("95000", "Cergy", 1),
    ("35000", "Rennes", 2), ("44000", "Nantes", 2), ("29200", "Brest", 2), ("49000", "Angers", 2),
    ("37000", "Tours", 2), ("76000", "Rouen", 2), ("14000", "Caen", 2), ("45000", "Orléans", 2),
    ("72000", "Le Mans", 2), ("56100", "Lorient", 2), ("22000", "Saint-Brieuc", 2),
    ("59000", "Lille", 3), ("59100", "Roubaix", 3), ("67000", "Strasbourg", 3),
    ("57000", "Metz", 3), ("54000", "Nancy", 3), ("51100", "Reims", 3), ("21000", "Dijon", 3),
    ("25000", "Besançon", 3), ("68100", "Mulhouse", 3), ("80000", "Amiens", 3),
    ("62000", "Arras", 3), ("88000", "Épinal", 3), ("69003", "Lyon", 4),
    ("69100", "Villeurbanne", 4), ("13001", "Marseille", 4), ("06000", "Nice", 4),
    ("38000", "Grenoble", 4), ("42000", "Saint-Étienne", 4), ("83000", "Toulon", 4),
    ("34000", "Montpellier", 4), ("30000", "Nîmes", 4), ("13100", "Aix-en-Provence", 4),
    ("73000", "Chambéry", 4), ("74000", "Annecy", 4), ("63000", "Clermont-Ferrand", 4),
    ("31000", "Toulouse", 5), ("33000", "Bordeaux", 5), ("64000", "Pau", 5),
    ("87000", "Limoges", 5), ("86000", "Poitiers", 5), ("17000", "La Rochelle", 5),
    ("66000", "Perpignan", 5), ("24000", "Périgueux", 5), ("81000", "Albi", 5),
    ("65000", "Tarbes", 5), ("79000", "Niort", 5),
  ]

  static func unaccented(_ text: String) -> String {
    text.folding(options: .diacriticInsensitive, locale: nil)
  }

  /// Lowercase, without accents: how two spellings of a name compare.
  static func folded(_ text: String) -> String { unaccented(text).lowercased() }

  /// The name as a mail domain or address part: "Café de la Gare" → "cafe-de-la-gare".
  static func slug(_ text: String) -> String {
    folded(text).split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
      .joined(separator: "-")
  }
}

// MARK: - Sage rows

/// The columns a generated row fills, found by their labels in the sample's header.
private struct ExportColumns {
  private let positions: [String: Int]

  /// Filled with a company's values, or emptied: identifiers, phones and sites the
  /// template rows share would make every row alike.
  static let labels = [
    "Nom", "Société", "Forme juridique", "Code Postal", "Ville", "Pays", "Téléphone", "Portable",
    "Fax", "Télex", "N° TVA intracom", "E-mail", "URL", "SIRET", "Représentant",
    "Nom Représentant", "Téléphone Livraison", "Portable Livraison", "Fax Livraison",
    "Nom du contact", "Société du contact", "Titre du contact", "Fonction du contact",
    "Téléphone du contact", "Portable du contact", "Fax du contact", "Télex du contact",
    "E-mail du contact", "Site web du contact", "Compte Comptable", "Intitulé compte comptable",
  ]

  init(header: [UInt8]) throws {
    guard let text = String(data: Data(header), encoding: .windowsCP1252) else {
      throw TestError("the sample's header is not Windows-1252")
    }
    let found = text.split(separator: "\t", omittingEmptySubsequences: false).enumerated()
      .map { (Self.key(String($0.element)), $0.offset) }
    let all = Dictionary(found, uniquingKeysWith: { first, _ in first })
    var positions: [String: Int] = [:]
    for label in Self.labels {
      guard let index = all[Self.key(label)] else {
        throw TestError("the sample's header has no \(label) column")
      }
      positions[label] = index
    }
    self.positions = positions
  }

  /// A label with its runs of spaces as one: Sage writes "Fonction  du contact".
  private static func key(_ label: String) -> String {
    label.split(separator: " ").joined(separator: " ")
  }

  func fill(_ fields: inout [[UInt8]], with company: FirstConnectionFixture.Company) {
    for label in Self.labels { set(label, "", in: &fields) }
    let contact = company.contact
    let values = [
      "Nom": contact.sageName, "Société": company.name, "Forme juridique": company.legalForm,
      "Code Postal": company.place.postcode, "Ville": company.place.city, "Pays": "France",
      "Téléphone": Self.sagePhone(company.phone), "E-mail": company.email ?? "",
      "Nom du contact": contact.sageName, "Société du contact": company.name,
      "Titre du contact": contact.civility, "E-mail du contact": contact.email ?? "",
      "Compte Comptable": "411" + company.code,
      "Intitulé compte comptable": company.name.uppercased(),
    ]
    for (label, value) in values { set(label, value, in: &fields) }
  }

  private func set(_ label: String, _ value: String, in fields: inout [[UInt8]]) {
    let index = positions[label]!
    while fields.count <= index { fields.append([]) }
    fields[index] = Array(value.data(using: .windowsCP1252)!)
  }

  /// "0123456789" as Sage shows it: "01 23 45 67 89".
  static func sagePhone(_ digits: String) -> String {
    stride(from: 0, to: digits.count, by: 2)
      .map { String(digits.dropFirst($0).prefix(2)) }.joined(separator: " ")
  }
}

// MARK: - `;` files

/// A `;`-separated file Passerelle writes for people (UTF-8 with a BOM, quoted
/// cells), read back or written again as IT would after filling it in.
struct SemicolonSheet {
  var header: [String]
  var rows: [[String]]
  /// Whether the file started with a UTF-8 byte order mark.
  var hasBOM: Bool

  init(header: [String], rows: [[String]], hasBOM: Bool = true) {
    self.header = header
    self.rows = rows
    self.hasBOM = hasBOM
  }

  init(path: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    hasBOM = data.starts(with: [0xEF, 0xBB, 0xBF])
    let text = String(decoding: hasBOM ? data.dropFirst(3) : data, as: UTF8.self)
    var lines = Self.parse(text)
    guard !lines.isEmpty else { throw TestError("\(path) is empty") }
    header = lines.removeFirst()
    rows = lines
  }

  /// The cell of `row` under `column`, empty when the row is short or the column unknown.
  func cell(_ row: [String], _ column: String) -> String {
    guard let index = header.firstIndex(of: column), index < row.count else { return "" }
    return row[index]
  }

  /// Writes it as Passerelle does: BOM, `;`, CRLF, quotes where a cell needs them.
  func write(to path: String) throws {
    let lines = ([header] + rows).map { $0.map(Self.quoted).joined(separator: ";") }
    let text = lines.joined(separator: "\r\n") + "\r\n"
    try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: URL(fileURLWithPath: path))
  }

  private static func quoted(_ cell: String) -> String {
    guard cell.unicodeScalars.contains(where: { ";\"\r\n".unicodeScalars.contains($0) }) else {
      return cell
    }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Rows of cells; quoted cells may hold `;`, quotes (doubled) and line breaks.
  private static func parse(_ text: String) -> [[String]] {
    let scalars = Array(text.unicodeScalars)
    var rows: [[String]] = []
    var row: [String] = []
    var cell = String.UnicodeScalarView()
    var quoted = false
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      if quoted {
        if scalar != "\"" {
          cell.append(scalar)
        } else if index < scalars.count && scalars[index] == "\"" {
          cell.append(scalar)
          index += 1
        } else {
          quoted = false
        }
      } else if scalar == "\"" {
        quoted = true
      } else if scalar == ";" || scalar == "\n" {
        row.append(String(cell))
        cell = String.UnicodeScalarView()
        if scalar == "\n" {
          rows.append(row)
          row = []
        }
      } else if scalar != "\r" {
        cell.append(scalar)
      }
    }
    if !cell.isEmpty || !row.isEmpty { rows.append(row + [String(cell)]) }
    return rows
  }
}
