import Foundation
import Testing

/// Creating, reading, updating and deleting one record, with SM's checks.
@Suite struct EmulatorRecordTests {
  static var account: [String: Any] {
    [
      "branchId": 1, "name": "Boulangerie Martin", "salesRepId1": 7, "extId": "C00001",
      "Z_SIRET": "12345678900011",
    ]
  }

  private func session(_ arguments: [String] = []) async throws -> EmulatorSession {
    var session = EmulatorSession(try EmulatorProcess(arguments))
    try await session.login()
    return session
  }

  @Test func aCreatedRecordReadsBackWithTheFieldsTheEmulatorSets() async throws {
    let session = try await session()
    let created = try await session.call("POST", "accounts", body: Self.account)
    #expect(created.status == 201)
    #expect(created.object["id"] as? Int == 1)
    let record = try await session.call("GET", "accounts/1").object
    #expect(record["name"] as? String == "Boulangerie Martin")
    #expect(record["Z_SIRET"] as? String == "12345678900011")
    #expect(record["id"] as? Int == 1)
    #expect(record["deleted"] as? Bool == false)
    #expect(record["readOnly"] as? Bool == false)
    #expect(record["dateUpdated"] is NSNull)
    #expect(record["dateDeleted"] is NSNull)
    let dateCreated = try #require(record["dateCreated"] as? String)
    #expect(dateCreated.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
  }

  @Test func idsFollowEachOtherPerResourceAndClientsCannotSetManagedFields() async throws {
    let session = try await session()
    var forged = Self.account
    forged["id"] = 99
    forged["deleted"] = true
    forged["dateCreated"] = "2000-01-01T00:00:00Z"
    #expect(try await session.call("POST", "accounts", body: forged).object["id"] as? Int == 1)
    #expect(try await session.call("POST", "accounts", body: forged).object["id"] as? Int == 2)
    let product = try await session.call("POST", "products", body: ["model": "Pain"])
    #expect(product.object["id"] as? Int == 1)
    let record = try await session.call("GET", "accounts/1").object
    #expect(record["deleted"] as? Bool == false)
    #expect(record["dateCreated"] as? String != "2000-01-01T00:00:00Z")
  }

  @Test func anUpdateChangesOnlyTheKeysItCarriesAndSetsDateUpdated() async throws {
    let session = try await session()
    _ = try await session.call("POST", "accounts", body: Self.account)
    let updated = try await session.call("PUT", "accounts/1", body: ["city": "Lyon"])
    #expect(updated.status == 200)
    #expect(updated.object["id"] as? Int == 1)
    let record = try await session.call("GET", "accounts/1").object
    #expect(record["city"] as? String == "Lyon")
    #expect(record["name"] as? String == "Boulangerie Martin")
    #expect(record["dateUpdated"] is String)
    #expect(try await session.call("PUT", "accounts/9", body: ["city": "Lyon"]).status == 404)
  }

  @Test func aDeletedRecordStaysReadableAndListed() async throws {
    let session = try await session()
    _ = try await session.call("POST", "accounts", body: Self.account)
    let deleted = try await session.call("DELETE", "accounts/1")
    #expect(deleted.status == 200)
    #expect(deleted.object["Message"] as? String == "entity deleted")
    let record = try await session.call("GET", "accounts/1").object
    #expect(record["deleted"] as? Bool == true)
    #expect(record["dateDeleted"] is String)
    #expect(record["dateUpdated"] is String)
    #expect(try await session.call("GET", "accounts").objects.count == 1)
    #expect(try await session.call("DELETE", "accounts/1").status == 200)
    #expect(try await session.call("DELETE", "accounts/2").status == 404)
    #expect(try await session.state(of: "accounts")["deleted"] as? Int == 1)
  }

  @Test(arguments: [
    ("accounts", #"{"name": "X", "salesRepId1": 1}"#, "branchId is required"),
    ("accounts", #"{"branchId": 1, "name": " ", "salesRepId1": 1}"#, "name is required"),
    ("contacts", #"{"accountId": 1, "firstName": "A", "salesRepId": 1}"#, "lastName is required"),
    ("products", #"{"extId": "P1", "model": null}"#, "model is required"),
    ("salesorders", #"{"branchId": 1, "salesRepId": 1}"#, "reference is required"),
    (
      "salesOrdersLines", #"{"salesOrderId": 1, "productId": 1, "quantity": 1}"#,
      "price is required"
    ),
  ])
  func aCreateWithoutARequiredFieldIsRefusedNamingIt(
    resource: String, body: String, message: String
  ) async throws {
    let session = try await session()
    let refused = try await session.call(
      "POST", resource, body: try JSONSerialization.jsonObject(with: Data(body.utf8)))
    #expect(refused.status == 400)
    #expect(refused.message == message)
    #expect(try await session.state(of: resource)["count"] as? Int == 0)
  }

  @Test func referencesMustNameLiveRecordsAndProductExtIdsAreAtMost30() async throws {
    let session = try await session()
    let contact: [String: Any] = [
      "accountId": 1, "firstName": "Anne", "lastName": "Martin", "salesRepId": 7,
    ]
    #expect(
      try await session.call("POST", "contacts", body: contact).message
        == "accountId 1 does not exist")
    _ = try await session.call("POST", "accounts", body: Self.account)
    #expect(try await session.call("POST", "contacts", body: contact).status == 201)
    let line: [String: Any] = ["salesOrderId": 5, "productId": 1, "quantity": 2, "price": 3.5]
    let refused = try await session.call("POST", "salesordersLines", body: line)
    #expect(refused.message == "salesOrderId 5 does not exist")
    let long = try await session.call(
      "POST", "products", body: ["model": "Pain", "extId": String(repeating: "P", count: 31)])
    #expect(long.message == "extId is too long (30 max)")
    let update = try await session.call("PUT", "contacts/1", body: ["lastName": ""])
    #expect(update.message == "lastName is required")
  }

  @Test func anUnknownResourceOrIdIs404AndBothLineSpellingsAreOneResource() async throws {
    let session = try await session()
    #expect(try await session.call("GET", "invoices").status == 404)
    #expect(try await session.call("GET", "accounts/1").status == 404)
    #expect(try await session.call("GET", "accounts/abc").status == 404)
    _ = try await session.call(
      "POST", "salesorders", body: ["branchId": 1, "reference": "D1", "salesRepId": 1])
    _ = try await session.call("POST", "products", body: ["model": "Pain"])
    let line: [String: Any] = ["salesOrderId": 1, "productId": 1, "quantity": 2, "price": 3.5]
    #expect(try await session.call("POST", "salesOrdersLines", body: line).status == 201)
    #expect(try await session.call("GET", "salesordersLines/1").object["price"] as? Double == 3.5)
  }
}
