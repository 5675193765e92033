import Foundation

extension EmulatorSession {
  /// Every record of `resource` the emulator holds (deleted ones included), by page.
  func records(_ resource: String, where filter: String? = nil) async throws -> [[String: Any]] {
    var records: [[String: Any]] = []
    var page = 0
    while true {
      var query = ["page": "\(page)"]
      if let filter { query["where"] = filter }
      let answer = try await call(
        "GET", resource, query: query, headers: ["X-FM-Entity-Count": "1000"])
      guard answer.status == 200 else { throw TestError("GET \(resource): \(answer.status)") }
      records += answer.objects
      if (answer.header("X-FM-Next-Page") ?? "").isEmpty { return records }
      page += 1
    }
  }

  /// The record of `resource` whose `extId` is `extId`.
  func record(_ resource: String, extId: String) async throws -> [String: Any]? {
    try await records(resource, where: "extId='\(extId)'").first
  }

  /// The SM id of the record of `resource` whose `extId` is `extId`.
  func id(of resource: String, extId: String) async throws -> Int {
    guard let id = try await record(resource, extId: extId)?["id"] as? Int else {
      throw TestError("no \(resource) with extId \(extId)")
    }
    return id
  }

  /// How many successful creates each `extId` of `resource` had.
  func creates(_ resource: String) async throws -> [String: Int] {
    try await state(of: resource)["createsByExtId"] as? [String: Int] ?? [:]
  }

  /// Inserts records as an SM user would type them; answers their ids.
  func insert(_ resource: String, _ records: [[String: Any]]) async throws -> [Int] {
    let answer = try await admin("POST", "records/\(resource)", body: records)
    guard (200..<300).contains(answer.status) else {
      throw TestError("inserting \(resource): \(answer.status)")
    }
    return answer.object["ids"] as? [Int] ?? []
  }
}
