import Foundation
import Testing

/// The `/_emulator/` endpoints: state, call log, records typed as an SM user.
@Suite struct EmulatorAdminTests {
  private func session() async throws -> EmulatorSession {
    var session = EmulatorSession(try EmulatorProcess())
    try await session.login()
    return session
  }

  @Test func stateCountsCreatesPerExtId() async throws {
    let session = try await session()
    for extId in ["C1", "C2", "C1"] {
      let body: [String: Any] = ["branchId": 1, "name": "N", "salesRepId1": 1, "extId": extId]
      #expect(try await session.call("POST", "accounts", body: body).status == 201)
    }
    _ = try await session.call("POST", "accounts", body: ["branchId": 1, "name": "N"])
    let accounts = try await session.state(of: "accounts")
    #expect(accounts["count"] as? Int == 3)
    #expect(accounts["deleted"] as? Int == 0)
    #expect(accounts["createsByExtId"] as? [String: Int] == ["C1": 2, "C2": 1])
    let state = try await session.admin("GET", "state").object
    #expect(state["calls"] as? Int == 5)
    let names = (state["resources"] as? [String: Any])?.keys.sorted()
    #expect(
      names == [
        "accounts", "contacts", "products", "sales", "salesOrdersLines", "salesorders", "users",
      ])
  }

  @Test func theCallLogListsEveryAPICallInOrderWithLoginMarked() async throws {
    let session = try await session()
    _ = try await session.call("GET", "accounts", query: ["page": "0"])
    _ = try await session.call("DELETE", "accounts/3")
    _ = try await session.admin("GET", "state")
    let calls = try await session.admin("GET", "calls").objects
    #expect(calls.map { $0["method"] as? String } == ["POST", "GET", "DELETE"])
    #expect(
      calls.map { $0["path"] as? String } == [
        "/api/v4/login", "/api/v4/accounts", "/api/v4/accounts/3",
      ])
    #expect(calls.map { $0["status"] as? Int } == [200, 200, 404])
    #expect(calls.map { $0["login"] as? Bool } == [true, nil, nil])
    #expect(calls[1]["query"] as? String == "page=0")
  }

  @Test func recordsTypedAsAUserSkipChecksAndShowAsEdited() async throws {
    let session = try await session()
    let quote: [String: Any] = ["reference": "Devis 12", "accountId": 99, "Z_STATE": "Brouillon"]
    let inserted = try await session.admin("POST", "records/salesorders", body: [quote, quote])
    #expect(inserted.status == 201)
    #expect(inserted.object["ids"] as? [Int] == [1, 2])
    let record = try await session.call("GET", "salesorders/1").object
    #expect(record["branchId"] as? Int == 1)
    #expect(record["dateUpdated"] is NSNull)
    let edited = try await session.admin("PUT", "records/salesorders/1", body: ["Z_STATE": "Gagné"])
    #expect(edited.status == 200)
    let after = try await session.call("GET", "salesorders/1").object
    #expect(after["Z_STATE"] as? String == "Gagné")
    #expect(after["dateUpdated"] is String)
    #expect(try await session.state(of: "salesorders")["count"] as? Int == 2)
    #expect(try await session.admin("PUT", "records/salesorders/7", body: [:]).status == 404)
    #expect(try await session.admin("POST", "records/invoices", body: [quote]).status == 404)
  }
}
