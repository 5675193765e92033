import Foundation
import Testing

/// Listing: id order, pages, `X-FM-Entity-Count`, `X-FM-Next-Page`, `where`.
@Suite struct EmulatorListTests {
  /// An emulator holding `count` products P1…Pn, created through the API.
  private func session(products count: Int) async throws -> EmulatorSession {
    var session = EmulatorSession(try EmulatorProcess())
    try await session.login()
    var items: [[String: Any]] = []
    for number in 1...count {
      items.append([
        "guid": "g\(number)", "data": ["model": "Product \(number)", "extId": "P\(number)"],
      ])
    }
    for start in stride(from: 0, to: items.count, by: 200) {
      let slice = Array(items[start..<min(start + 200, items.count)])
      #expect(try await session.call("POST", "products/bulk", body: slice).status == 200)
    }
    return session
  }

  @Test func pagesFollowIdOrderWithANextPageHeaderUntilTheLast() async throws {
    let session = try await session(products: 7)
    var ids: [Int] = []
    var page = 0
    var pages = 0
    while true {
      let answer = try await session.call(
        "GET", "products", query: ["page": "\(page)"], headers: ["X-FM-Entity-Count": "3"])
      pages += 1
      ids += answer.objects.compactMap { $0["id"] as? Int }
      guard let next = answer.header("X-FM-Next-Page") else { break }
      #expect(next == "\(page + 1)")
      page += 1
    }
    #expect(ids == Array(1...7))
    #expect(pages == 3)
  }

  @Test func thePageSizeIs50ByDefaultAndAt1000AtMost() async throws {
    let session = try await session(products: 1001)
    let first = try await session.call("GET", "products")
    #expect(first.objects.count == 50)
    #expect(first.header("X-FM-Next-Page") == "1")
    let capped = try await session.call("GET", "products", headers: ["X-FM-Entity-Count": "5000"])
    #expect(capped.objects.count == 1000)
    let last = try await session.call(
      "GET", "products", query: ["page": "1"], headers: ["X-FM-Entity-Count": "1000"])
    #expect(last.objects.map { $0["extId"] as? String } == ["P1001"])
    #expect(last.header("X-FM-Next-Page") == nil)
  }

  @Test func whereFiltersAndPagesTheMatches() async throws {
    let session = try await session(products: 30)
    let answer = try await session.call(
      "GET", "products", query: ["where": "extId LIKE 'P1%'", "page": "1"],
      headers: ["X-FM-Entity-Count": "5"])
    #expect(
      answer.objects.compactMap { $0["extId"] as? String } == ["P14", "P15", "P16", "P17", "P18"])
    #expect(answer.header("X-FM-Next-Page") == "2")
    let last = try await session.call(
      "GET", "products", query: ["where": "extId LIKE 'P1%'", "page": "2"],
      headers: ["X-FM-Entity-Count": "5"])
    #expect(last.objects.compactMap { $0["extId"] as? String } == ["P19"])
    #expect(last.header("X-FM-Next-Page") == nil)
  }

  @Test func changedSinceComparesDatesAndSkipsNullUpdates() async throws {
    let session = try await session(products: 3)
    let created = try #require(
      try await session.call("GET", "products/1").object["dateCreated"] as? String)
    let before = "2000-01-01T00:00:00.000Z"
    let after = "2999-12-31T23:59:59+01:00"
    _ = try await session.call("PUT", "products/2", body: ["price": 3])
    let changedSince = { (time: String) in "(dateUpdated>'\(time)' OR dateCreated>'\(time)')" }
    #expect(try await ids(session, changedSince(before)) == [1, 2, 3])
    #expect(try await ids(session, changedSince(after)).isEmpty)
    #expect(try await ids(session, "dateUpdated>'\(before)'") == [2])
    #expect(try await ids(session, "dateUpdated IS NULL") == [1, 3])
    #expect(try await ids(session, "dateCreated='\(created)'").contains(1))
  }

  @Test func anUnreadableWhereIs400WithAMessage() async throws {
    let session = try await session(products: 1)
    for filter in [
      "extId = ", "extId = 'open", "(extId='P1'", "dateCreated > 'yesterday'", "extId ~ 1",
    ] {
      let answer = try await session.call("GET", "products", query: ["where": filter])
      #expect(answer.status == 400, "\(filter)")
      #expect(answer.message?.contains(filter) == true, "\(filter)")
    }
  }

  private func ids(_ session: EmulatorSession, _ filter: String) async throws -> [Int] {
    let answer = try await session.call(
      "GET", "products", query: ["where": filter], headers: ["X-FM-Entity-Count": "1000"])
    #expect(answer.status == 200, "\(filter): \(answer.message ?? "")")
    return answer.objects.compactMap { $0["id"] as? Int }
  }
}
