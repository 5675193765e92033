import Foundation
import Testing

/// Bulk creates and updates: at most 200 items, answered item by item.
@Suite struct EmulatorBulkTests {
  private func session() async throws -> EmulatorSession {
    var session = EmulatorSession(try EmulatorProcess())
    try await session.login()
    return session
  }

  private func account(_ number: Int) -> [String: Any] {
    ["branchId": 1, "name": "Client \(number)", "salesRepId1": 7, "extId": "C\(number)"]
  }

  @Test func aRefusedItemIsAnsweredAloneAndTheOthersApply() async throws {
    let session = try await session()
    let items: [[String: Any]] = [
      ["guid": "a", "data": account(1)],
      ["guid": "b", "data": ["branchId": 1, "salesRepId1": 7, "extId": "C2"]],
      ["guid": "c", "data": account(3)],
    ]
    let answer = try await session.call("POST", "accounts/bulk", body: items)
    #expect(answer.status == 200)
    let results = answer.objects
    #expect(results.map { $0["guid"] as? String } == ["a", "b", "c"])
    #expect(results.map { $0["code"] as? Int } == [201, 400, 201])
    #expect(results.map { $0["id"] as? Int } == [1, nil, 2])
    #expect(results[1]["message"] as? String == "name is required")
    #expect(results[1]["id"] is NSNull)
    #expect(try await session.state(of: "accounts")["count"] as? Int == 2)
  }

  @Test func aBulkUpdateAnswers404ForAnUnknownIdAndUpdatesTheRest() async throws {
    let session = try await session()
    _ = try await session.call("POST", "accounts/bulk", body: [["guid": "a", "data": account(1)]])
    let items: [[String: Any]] = [
      ["guid": "u1", "id": 1, "data": ["city": "Lyon"]],
      ["guid": "u2", "id": 42, "data": ["city": "Nice"]],
      ["guid": "u3", "data": ["city": "Pau"]],
      ["guid": "u4", "id": 1, "data": ["name": ""]],
    ]
    let results = try await session.call("PUT", "accounts/bulk", body: items).objects
    #expect(results.map { $0["code"] as? Int } == [200, 404, 400, 400])
    #expect(results.map { $0["message"] as? String }.last == "name is required")
    let record = try await session.call("GET", "accounts/1").object
    #expect(record["city"] as? String == "Lyon")
    #expect(record["name"] as? String == "Client 1")
  }

  @Test func moreThan200ItemsRefuseTheWholeCall() async throws {
    let session = try await session()
    let items = (1...201).map { ["guid": "g\($0)", "data": account($0)] as [String: Any] }
    let refused = try await session.call("POST", "accounts/bulk", body: items)
    #expect(refused.status == 400)
    #expect(refused.message?.contains("200") == true)
    #expect(try await session.state(of: "accounts")["count"] as? Int == 0)
    let accepted = try await session.call("POST", "accounts/bulk", body: Array(items.prefix(200)))
    #expect(accepted.objects.count == 200)
    #expect(try await session.state(of: "accounts")["count"] as? Int == 200)
  }
}
