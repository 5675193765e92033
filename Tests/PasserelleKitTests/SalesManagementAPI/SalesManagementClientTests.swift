import Foundation
import Testing

@testable import SalesManagementAPI

/// The client against the real emulator: login, records, paging, filters, bulk calls.
@Suite struct SalesManagementClientTests {
  private typealias SM = EmulatedSalesManagement

  @Test func oneLoginServesEveryCallEvenConcurrentOnes() async throws {
    try await SM.run { sm in
      let client = sm.client
      try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<10 {
          group.addTask { _ = try await client.list("products", where: nil, page: 0) }
        }
        try await group.waitForAll()
      }
      _ = try await sm.client.get("products", id: 1)
      #expect(try await sm.logins() == 1)
      #expect(await sm.client.loginCount == 1)
      let health = sm.client.health
      #expect(health.calls == 12)
      #expect(health.retries == 0)
      #expect(health.lastError == nil)
      #expect(health.lastSuccessAt != nil)
    }
  }

  @Test func anExpiredTokenMeansOneFreshLoginAndTheCallTriedAgain() async throws {
    try await SM.run(["--token-calls", "3"]) { sm in
      for number in 1...7 {
        _ = try await sm.client.create("products", data: ["model": "P\(number)"])
      }
      #expect(try await sm.count("products") == 7)
      #expect(try await sm.logins() == 3)
      let refused = try await sm.calls().filter { $0["status"] as? Int == 401 }
      #expect(refused.count == 2)
    }
  }

  @Test func wrongKeysAreLoginRefusedAndNeverShown() async throws {
    let wrong = SalesManagementCredentials(publicKey: "pub-WRONG-1", privateKey: "priv-WRONG-2")
    #expect(!"\(wrong)".contains("WRONG"))
    try await SM.run(credentials: wrong) { sm in
      let error = await #expect(throws: SalesManagementError.self) {
        _ = try await sm.client.list("accounts", where: nil, page: 0)
      }
      #expect(error?.caseName == "loginRefused")
      #expect(!String(describing: error).contains("WRONG"))
      #expect(sm.client.health.lastError?.contains("401") == true)
      #expect(!sm.logs.text.contains("WRONG"))
      let calls = try await sm.calls()
      #expect(calls.count == 1)
    }
  }

  @Test func aRecordIsCreatedReadUpdatedAndDeleted() async throws {
    try await SM.run { sm in
      let data: JSONValue = [
        "branchId": 1, "name": "Boulangerie O'Neil", "salesRepId1": 3, "extId": "C00042",
      ]
      let id = try await sm.client.create("accounts", data: data)
      #expect(try await sm.client.get("accounts", id: id)?["name"]?.string == "Boulangerie O'Neil")
      try await sm.client.update("accounts", id: id, data: ["city": "Lyon"])
      let updated = try await sm.client.get("accounts", id: id)
      #expect(updated?["city"]?.string == "Lyon")
      #expect(updated?["extId"]?.string == "C00042")
      try await sm.client.delete("accounts", id: id)
      #expect(try await sm.client.get("accounts", id: id)?["deleted"]?.bool == true)
      #expect(try await sm.client.get("accounts", id: 999) == nil)
      try await sm.client.delete("accounts", id: 999)
    }
  }

  @Test func aRefusedRecordNamesTheFieldAndIsNotAHealthProblem() async throws {
    try await SM.run { sm in
      let error = await #expect(throws: SalesManagementError.self) {
        _ = try await sm.client.create("accounts", data: ["branchId": 1, "salesRepId1": 3])
      }
      #expect(error == .refused(status: 400, message: "name is required", field: "name"))
      let missing = await #expect(throws: SalesManagementError.self) {
        try await sm.client.update("accounts", id: 77, data: ["city": "Lyon"])
      }
      #expect(missing?.caseName == "refused")
      #expect(missing?.refusedStatus == 404)
      #expect(sm.client.health.lastError == nil)
    }
  }

  @Test func pagingThrough1234RecordsTakesThreePages() async throws {
    try await SM.run { sm in
      let records = (1...1234).map { ["model": "Product \($0)", "extId": "P\($0)"] }
      try await sm.insert("products", records)
      var pages: [SalesManagementPage] = []
      repeat {
        pages.append(try await sm.client.list("products", where: nil, page: pages.count))
      } while !pages.last!.isLast && pages.count < 10
      #expect(pages.map(\.records.count) == [500, 500, 234])
      #expect(pages.map(\.isLast) == [false, false, true])
      let extIds = pages.flatMap(\.records).compactMap { $0["extId"]?.string }
      #expect(Set(extIds).count == 1234)
      let asked = try await sm.calls().filter { $0["login"] == nil }.compactMap {
        $0["query"] as? String
      }
      #expect(asked == ["page=0", "page=1", "page=2"])
    }
  }

  @Test func whereValuesWithQuotesSpacesAndSignsReachSMIntact() async throws {
    try await SM.run { sm in
      let extIds = ["C'01", "C 02 & co", "X+Y>(1)", "100%", "é'ç"]
      try await sm.insert(
        "products", (extIds + ["other"]).map { ["model": "M", "extId": $0] })
      let page = try await sm.client.list(
        "products", where: SalesManagementFilter.extId(in: extIds), page: 0)
      #expect(Set(page.records.compactMap { $0["extId"]?.string }) == Set(extIds))
      #expect(page.isLast)
    }
  }

  @Test func changedSinceFindsRecordsCreatedAfterTheMoment() async throws {
    try await SM.run { sm in
      try await sm.insert("products", [["model": "A", "extId": "A"]])
      let hourAgo = Date().addingTimeInterval(-3600)
      let inAnHour = Date().addingTimeInterval(3600)
      let recent = try await sm.client.list(
        "products", where: SalesManagementFilter.changed(since: hourAgo), page: 0)
      #expect(recent.records.count == 1)
      let none = try await sm.client.list(
        "products", where: SalesManagementFilter.changed(since: inAnHour), page: 0)
      #expect(none.records.isEmpty && none.isLast)
    }
  }

  @Test func aBulkCreateAnswersEveryItemInOrderOneRefused() async throws {
    try await SM.run { sm in
      let items = (1...5).map { number in
        SalesManagementBulkItem(
          guid: "g\(number)",
          data: number == 3 ? ["extId": "P3"] : ["model": "P\(number)", "extId": "P\(number)"])
      }
      let answers = try await sm.client.bulkCreate("products", items)
      #expect(answers.map(\.guid) == ["g1", "g2", "g3", "g4", "g5"])
      #expect(answers.map(\.succeeded) == [true, true, false, true, true])
      #expect(answers[2].code == 400 && answers[2].id == nil && answers[2].field == "model")
      #expect(answers.compactMap(\.id).count == 4)
      #expect(try await sm.count("products") == 4)

      let updates = [
        SalesManagementBulkItem(guid: "u1", id: answers[0].id, data: ["price": 8.95]),
        SalesManagementBulkItem(guid: "u2", id: 9999, data: ["price": 1]),
      ]
      let updated = try await sm.client.bulkUpdate("products", updates)
      #expect(updated.map(\.succeeded) == [true, false])
      #expect(updated[0].id == answers[0].id)
      let product = try await sm.client.get("products", id: answers[0].id!)
      #expect(product?["price"]?.double == 8.95)
      #expect(try await sm.client.bulkCreate("products", []).isEmpty)
    }
  }

  @Test func logsNameEachCallButNeverAKeyATokenOrABody() async throws {
    try await SM.run { sm in
      _ = try await sm.client.create("products", data: ["model": "Secret recipe"])
      let token = try #require(await sm.client.sessionToken)
      let text = sm.logs.text
      #expect(text.contains("method=POST ms="))
      #expect(text.contains("path=/products status=201"))
      #expect(text.contains("path=/login"))
      #expect(!text.contains(EmulatorProcess.privateKey))
      #expect(!text.contains(EmulatorProcess.publicKey))
      #expect(!text.contains(token))
      #expect(!text.contains("Secret recipe"))
    }
  }

  @Test func anAnswerLargerThanAllowedIsUnexpected() async throws {
    var options = SM.quickOptions
    options.maxAnswerBytes = 1_000
    try await SM.run(options: options) { sm in
      try await sm.insert("products", (1...50).map { ["model": "Product \($0)"] })
      let error = await #expect(throws: SalesManagementError.self) {
        _ = try await sm.client.list("products", where: nil, page: 0)
      }
      #expect(error == .unexpectedAnswer("answer to GET /products exceeds 1000 bytes"))
      #expect(sm.client.health.lastError == "answer to GET /products exceeds 1000 bytes")
    }
  }

  @Test func plainHTTPToAnotherHostIsRefusedBeforeAnyCall() {
    #expect(throws: SalesManagementError.self) {
      _ = try SalesManagementClient(
        baseURL: "http://api.forcemanager.com/api/v4", credentials: SM.credentials,
        logger: LogCapture().logger)
    }
  }
}
