import Testing

@testable import RecordMatching

/// How a Sage record and SM's records typed by hand are compared and decided.
@Suite struct MatcherTests {
  let accounts = Matcher(resource: .accounts, rules: MatchRules())

  func account(
    _ name: String, postcode: String = "", city: String = "", phone: String = "",
    email: String = "", siret: String = "", vat: String = ""
  ) -> MatchKeys {
    var profile = MatchProfile()
    profile.name = name
    profile.postcode = postcode
    profile.city = city
    profile.phones = [phone]
    profile.emails = [email]
    profile.siret = siret
    profile.vatNumber = vat
    return MatchKeys(profile)
  }

  func decide(_ sage: MatchKeys, _ candidates: [MatchKeys], matcher: Matcher? = nil)
    -> MatchDecision
  {
    (matcher ?? accounts).decide(
      sage, among: candidates.enumerated().map { ($0.offset + 1, $0.element, "") })
  }

  @Test func namesReadAlikeWhateverTheirSpelling() {
    #expect(CompanyName.tokens("S.A.R.L. Boulangerie Lefèvre") == ["boulangerie", "lefevre"])
    #expect(CompanyName.tokens("Lefevre boulangerie SARL") == ["boulangerie", "lefevre"])
    #expect(CompanyName.tokens("Ets Martin & Fils") == ["fils", "martin"])
    #expect(CompanyName.tokens("Café du Port") == ["cafe", "port"])
    #expect(WordSimilarity.score(["boulangrie", "martin"], ["boulangerie", "martin"]) == 1)
  }

  @Test func phonesCompareByTheirLastNineDigits() {
    let keys = ["+33 1 23 45 67 89", "01.23.45.67.89", "0123456789", "+33 (0)1 23 45 67 89"]
      .map { account("x", phone: $0).phones }
    #expect(Set(keys).count == 1 && keys[0] == ["123456789"])
  }

  @Test func theSameNameInTheSamePlaceIsAdopted() {
    let sage = account("SARL Boulangerie Lefèvre", postcode: "35000", city: "Rennes")
    let typed = account("boulangerie lefevre", postcode: "35000")
    guard case .adopt(let candidate) = decide(sage, [typed]) else {
      Issue.record("not adopted")
      return
    }
    #expect(candidate.evidence == [.sameName, .postcode])
  }

  @Test func aCityStandsForAMissingPostcodeButATownIsLarge() {
    let sage = account(
      "Michel Électricité", postcode: "69100", city: "VILLEURBANNE", phone: "04 19 41 51 60")
    guard case .hold(let weak) = decide(sage, [account("Michel Electricite", city: "Villeurbanne")])
    else {
      Issue.record("a name and a town alone must be for IT")
      return
    }
    #expect(weak.map(\.evidence) == [[.sameName, .city]] && weak.map(\.score) == [55])
    let typed = account("Michel Electricite", city: "Villeurbanne", phone: "04.19.41.51.60")
    guard case .adopt(let candidate) = decide(sage, [typed]) else {
      Issue.record("not adopted")
      return
    }
    #expect(candidate.evidence == [.phone, .sameName, .city])
  }

  @Test func aCompanysOtherSiteIsForIT() {
    let sage = account("Dupont SA", postcode: "75011", siret: "73282932000074")
    let otherSite = account("Dupont", postcode: "69003", vat: "FR44732829320")
    guard case .hold(let listed) = decide(sage, [otherSite]) else {
      Issue.record("the same SIREN elsewhere must be for IT")
      return
    }
    #expect(listed.map(\.evidence) == [[.siren, .sameName, .otherPlace]])
    #expect(listed.map(\.score) == [115])
    let otherSiret = account("Dupont SA", postcode: "75011", siret: "73282932000082")
    #expect(decide(sage, [otherSiret]) == .create, "another establishment")
  }

  @Test func twoStrongCandidatesAreForITWhateverTheirLead() {
    let sage = account("Boulangerie Lefèvre", postcode: "35000", phone: "02 99 11 22 33")
    let strong = account("Boulangerie Lefevre", postcode: "35000", phone: "0299112233")
    let alsoStrong = account("Boulangerie Lefevre", postcode: "35000")
    guard case .hold(let listed) = decide(sage, [strong, alsoStrong]) else {
      Issue.record("two candidates reach the adoption score: for IT")
      return
    }
    #expect(listed.map(\.score) == [95, 60])
  }

  @Test func aChainsOtherBranchIsNoCandidate() {
    let sage = account("Boulangerie Martin", postcode: "75011", city: "Paris")
    let branch = account("Boulangerie Martin", postcode: "69003", city: "Lyon")
    #expect(decide(sage, [branch]) == .create)
  }

  @Test func twoTypedTwinsAreForIT() {
    let sage = account("Café du Port", postcode: "5000", city: "Namur")
    let twins = [account("Cafe du port", city: "Namur"), account("CAFE DU PORT", city: "Namur")]
    guard case .hold(let listed) = decide(sage, twins) else {
      Issue.record("not held")
      return
    }
    #expect(listed.map(\.smId).sorted() == [1, 2])
  }

  @Test func aPhoneAloneIsOnlyAWeakCandidate() {
    let sage = account("Garage du Centre", postcode: "21000", phone: "03 80 11 22 33")
    let other = account("Auto École Dupont", postcode: "21000", phone: "+33 3 80 11 22 33")
    guard case .hold(let listed) = decide(sage, [other]) else {
      Issue.record("not held")
      return
    }
    #expect(listed.map(\.evidence) == [[.phone, .postcode]] && listed.map(\.score) == [50])
  }

  @Test func aSIRENDecidesEitherWay() {
    let sage = account("Dupont SA", siret: "73282932000074")
    #expect(
      decide(sage, [account("Société Dupont", vat: "FR44732829320")])
        == .adopt(ScoredCandidate(smId: 1, score: 145, evidence: [.siren, .sameName], label: "")))
    let other = account("Dupont SA", postcode: "", siret: "55210055400013")
    #expect(decide(sage, [other]) == .create)
  }

  /// A SIRET whose check digit fails was mistyped in SM: it says nothing, and does
  /// not rule out the record it stands for.
  @Test func aMistypedSIRETIsNoOtherCompany() {
    let sage = account("Dupont SA", postcode: "75011", siret: "73282932000074")
    let typed = account("Dupont", postcode: "75011", siret: "73282932000075")
    #expect(typed.siret == nil && typed.sirens.isEmpty)
    #expect(
      decide(sage, [typed])
        == .adopt(ScoredCandidate(smId: 1, score: 60, evidence: [.sameName, .postcode], label: "")))
  }

  /// A VAT number with a letter key passes without its SIREN being checked: a
  /// SIREN that fails its own check is no key either.
  @Test func aVATNumbersMistypedSIRENIsNoOtherCompany() {
    let typed = account("Dupont", postcode: "75011", vat: "FRA1732829321")
    #expect(typed.sirens.isEmpty)
    let right = account("Dupont", postcode: "75011", vat: "FRA1732829320")
    #expect(right.sirens == ["732829320"])
  }

  @Test func aCloseNameNeedsMoreThanThePlace() {
    let sage = account("Garage du Centre", postcode: "21000")
    let close = account("Garage du Centre Auto", postcode: "21000")
    guard case .hold(let listed) = decide(sage, [close]) else {
      Issue.record("a close name and a postcode must not be adopted")
      return
    }
    #expect(listed.map(\.evidence) == [[.closeName, .postcode]] && listed.map(\.score) == [45])
    let withPhone = account("Garage du Centre Auto", postcode: "21000", phone: "0380112233")
    let sageWithPhone = account("Garage du Centre", postcode: "21000", phone: "03 80 11 22 33")
    guard case .adopt = decide(sageWithPhone, [withPhone]) else {
      Issue.record("a close name, a phone and a postcode are enough")
      return
    }
  }

  @Test func contactsMatchByEmailThenByName() {
    let contacts = Matcher(resource: .contacts, rules: MatchRules())
    var profile = MatchProfile()
    profile.firstName = "Claire"
    profile.lastName = "Dubois"
    profile.parentId = 7
    let sage = MatchKeys(profile)
    var typed = MatchProfile()
    typed.firstName = "DUBOIS"
    typed.lastName = "claire"
    typed.parentId = 7
    guard case .adopt(let candidate) = decide(sage, [MatchKeys(typed)], matcher: contacts) else {
      Issue.record("not adopted")
      return
    }
    #expect(candidate.evidence == [.personName])
    #expect(LookupKey.sought(sage, resource: .contacts) == ["account:7"])
    // A shared address is not a person: "contact@" of another colleague.
    profile.emails = ["contact@lefevre.fr"]
    var colleague = MatchProfile()
    colleague.firstName = "Jean"
    colleague.lastName = "Martin"
    colleague.emails = ["Contact@lefevre.fr"]
    colleague.parentId = 7
    #expect(decide(MatchKeys(profile), [MatchKeys(colleague)], matcher: contacts) == .create)
  }

  @Test func thresholdsAreSettings() {
    let strict = Matcher(resource: .accounts, rules: MatchRules(adoptScore: 80))
    let sage = account("Boulangerie Lefèvre", postcode: "35000")
    guard case .adopt = decide(sage, [account("boulangerie lefevre", postcode: "35000")]) else {
      Issue.record("adopted with the default scores")
      return
    }
    guard
      case .hold = decide(
        sage, [account("boulangerie lefevre", postcode: "35000")], matcher: strict)
    else {
      Issue.record("below the adoption score, held")
      return
    }
  }
}

/// Products: by barcode, then by name.
@Suite struct ProductMatcherTests {
  let products = Matcher(resource: .products, rules: MatchRules())

  func product(_ model: String, barcode: String = "") -> MatchKeys {
    var profile = MatchProfile()
    profile.model = model
    profile.barcode = barcode
    return MatchKeys(profile)
  }

  func decide(_ sage: MatchKeys, _ candidates: [MatchKeys]) -> MatchDecision {
    products.decide(sage, among: candidates.enumerated().map { ($0.offset + 1, $0.element, "") })
  }

  @Test func aBarcodeDecidesEitherWay() {
    let sage = product("Perceuse 18V", barcode: "3 245678 901234")
    #expect(
      decide(sage, [product("Visseuse", barcode: "3245678901234")])
        == .adopt(ScoredCandidate(smId: 1, score: 100, evidence: [.barcode], label: "")))
    #expect(decide(sage, [product("Perceuse 18V", barcode: "3245678900000")]) == .create)
  }

  @Test func sizesAndOrderTellProductsApart() {
    #expect(decide(product("Câble 1,5 mm"), [product("Cable 15 mm")]) == .create)
    #expect(
      decide(product("Câble 1,5 mm"), [product("cable 1.5 mm")])
        == .adopt(ScoredCandidate(smId: 1, score: 60, evidence: [.sameModel], label: "")))
    guard case .hold = decide(product("Lot de 12 x 6 L"), [product("Lot de 6 x 12 L")]) else {
      Issue.record("the same words in another order: for IT")
      return
    }
  }

  @Test func theSameNameIsAdoptedAndOnlyOnce() {
    let sage = product("Perceuse à percussion 18V")
    guard case .adopt = decide(sage, [product("perceuse a percussion 18v")]) else {
      Issue.record("not adopted")
      return
    }
    guard
      case .hold = decide(
        sage, [product("Perceuse a percussion 18V"), product("PERCEUSE A PERCUSSION 18V")])
    else {
      Issue.record("two of the same name: for IT")
      return
    }
  }
}
