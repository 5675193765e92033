/// The index entries that find SM's candidates for a record: one per strong key,
/// the exact name, and the place. A candidate shares at least one with the record.
package enum LookupKey {
  /// The keys an SM record is filed under.
  package static func filed(_ keys: MatchKeys, resource: MatchableResource) -> [String] {
    entries(keys, resource: resource, seeking: false)
  }

  /// The keys a Sage record looks SM's records up by.
  package static func sought(_ keys: MatchKeys, resource: MatchableResource) -> [String] {
    entries(keys, resource: resource, seeking: true)
  }

  private static func entries(_ keys: MatchKeys, resource: MatchableResource, seeking: Bool)
    -> [String]
  {
    switch resource {
    case .accounts: accountKeys(keys, seeking: seeking)
    case .contacts: keys.parentId.map { ["account:\($0)"] } ?? []
    case .products:
      (keys.barcode.map { ["barcode:\($0)"] } ?? [])
        + (keys.modelWords.isEmpty ? [] : ["model:" + keys.modelWords.joined(separator: " ")])
    }
  }

  private static func accountKeys(_ keys: MatchKeys, seeking: Bool) -> [String] {
    var found = keys.sirens.map { "siren:\($0)" }
    found += keys.vatNumber.map { ["vat:\($0)"] } ?? []
    found += keys.emails.map { "email:\($0)" }
    found += keys.phones.map { "phone:\($0)" }
    found += keys.domains.map { "domain:\($0)" }
    if !keys.nameWords.isEmpty { found.append("name:" + keys.nameWords.joined(separator: " ")) }
    // Names spelt differently are found by their place: the postcode, or the city
    // for SM records without one (filed by city, a large town would bring too many).
    if let postcode = keys.postcode { found.append("postcode:\(postcode)") }
    if let city = keys.city, seeking || keys.postcode == nil { found.append("city:\(city)") }
    return found
  }
}
