import PasserelleCore
import PasserelleManifest
import SageToSalesManagement
import SalesManagementAPI

/// Turns the Sage codes a payload names (`accountExtId`, `productExtId`, rep codes)
/// into SM's ids from the id map, at delivery time, and fills what SM requires on
/// create that a payload cannot know (a contact's rep is its company's).
final class ReferenceResolver {
  enum Resolution {
    case ready(JSONValue)
    /// A record it names is not in SM yet: sent later, never with a hole.
    case held(String)
  }

  private let ids: DeliveryIdMap
  private let language: ReportLanguage
  private let tables: SalesManagementTables
  private let client: SalesManagementClient
  /// SM account id → its first rep, read once per delivery (bounded).
  private var accountReps: [Int: Int?] = [:]

  /// References held when missing, and where their id goes: key → (SM key, resource).
  private static let required = [
    "accountExtId": ("accountId", "accounts"), "contactExtId": ("contactId", "contacts"),
    "productExtId": ("productId", "products"),
  ]

  init(
    ids: DeliveryIdMap, tables: SalesManagementTables, client: SalesManagementClient,
    language: ReportLanguage
  ) {
    self.ids = ids
    self.language = language
    self.tables = tables
    self.client = client
  }

  /// The body SM gets for a record of `resource`.
  func resolve(_ data: JSONValue, resource: String, creating: Bool) async throws -> Resolution {
    // `sales` are ERP figures SM keys by external ids itself.
    guard resource != "sales", case .object(var members) = data else { return .ready(data) }
    for (key, (target, referenced)) in Self.required {
      guard let code = members[key]?.string else { continue }
      guard let id = try ids.smId(resource: referenced, extId: code) else {
        return .held(
          Message(
            .heldForReference, ["resource": EntityName.value(referenced), "code": .text(code)]
          )
          .text(in: language))
      }
      members[key] = nil
      members[target] = .number(Double(id))
    }
    if let rep = members.removeValue(forKey: "salesRepExtId")?.string,
      let id = try ids.smId(resource: "users", extId: rep)
    {
      members["salesRepId"] = .number(Double(id))
    }
    // An account whose rep SM did not know at conversion (created in the same
    // delivery, just before it) gets that rep now.
    if resource == "accounts", members["salesRepId1"] == nil,
      let rep = members["Z_REPRESENTANT"]?.string, !rep.isEmpty,
      let id = try ids.smId(resource: "users", extId: rep)
    {
      members["salesRepId1"] = .number(Double(id))
    }
    if creating { try await fillRequired(&members, resource: resource) }
    return .ready(.object(members))
  }

  /// What SM requires on create and the payload leaves to SM's side: the branch,
  /// and a rep (the company's, else the configured administrator).
  private func fillRequired(_ members: inout [String: JSONValue], resource: String) async throws {
    switch resource {
    case "accounts":
      if members["branchId"] == nil, let branch = tables.branchId {
        members["branchId"] = .number(Double(branch))
      }
      if members["salesRepId1"] == nil, let admin = tables.adminUserId {
        members["salesRepId1"] = .number(Double(admin))
      }
    case "contacts":
      if members["salesRepId"] == nil, let rep = try await rep(of: members["accountId"]?.int) {
        members["salesRepId"] = .number(Double(rep))
      }
    case "salesorders":
      if members["branchId"] == nil, let branch = tables.branchId {
        members["branchId"] = .number(Double(branch))
      }
      if members["salesRepId"] == nil, let rep = try await rep(of: members["accountId"]?.int) {
        members["salesRepId"] = .number(Double(rep))
      }
    default: break
    }
  }

  private func rep(of account: Int?) async throws -> Int? {
    // A record a preview would create: SM does not know it.
    guard let account, !DeliveryIdMap.isPretended(account) else { return tables.adminUserId }
    if let known = accountReps[account] { return known ?? tables.adminUserId }
    let rep = try await client.get("accounts", id: account)?["salesRepId1"]?.int
    if accountReps.count > 10_000 { accountReps.removeAll(keepingCapacity: true) }
    accountReps[account] = rep
    return rep ?? tables.adminUserId
  }
}
