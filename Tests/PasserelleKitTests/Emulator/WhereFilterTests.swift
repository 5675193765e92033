import Foundation
import Testing

/// The `where` parser and its evaluation, through the emulator's listing: each filter
/// against four accounts typed as an SM user, one of them deleted, one edited.
@Suite struct WhereFilterTests {
  static var accounts: [[String: Any]] {
    [
      ["name": "Martin", "extId": "C1", "city": "Lyon", "Z_CA": 1500, "readOnly": true],
      ["name": "O'Brien", "extId": "C2", "city": "Paris", "Z_CA": 20.5, "active": false],
      ["name": "martinez", "extId": "C10", "city": NSNull(), "Z_CA": "300", "active": true],
      ["name": "Dupont_Fils", "extId": "X1", "Z_CA": -4],
    ]
  }

  static let cases: [(filter: String, ids: [Int])] = [
    ("extId='C1'", [1]),
    ("name='O''Brien'", [2]),
    ("name LIKE 'mart%'", [3]),
    ("name LIKE '%art%'", [1, 3]),
    ("name LIKE 'M_rtin'", [1]),
    ("name like 'Dupont_Fils'", [4]),
    ("name NOT LIKE '%art%'", [2, 4]),
    ("extId LIKE 'C_'", [1, 2]),
    ("Z_CA > 100", [1, 3]),
    ("Z_CA >= 20.5 AND Z_CA < 1000", [2, 3]),
    ("Z_CA <> 1500", [2, 3, 4]),
    ("Z_CA != 1500", [2, 3, 4]),
    ("Z_CA < -1", [4]),
    ("Z_CA = '1500'", [1]),
    ("extId = 10", []),
    ("city IS NULL", [3, 4]),
    ("city is not null", [1, 2]),
    ("city <> 'Lyon'", [2]),
    ("NOT city = 'Lyon'", [2]),
    ("NOT (city = 'Lyon' OR city = 'Paris')", []),
    ("city = NULL", []),
    ("deleted = 1", [4]),
    ("deleted = false", [1, 2, 3]),
    ("deleted = 'true'", [4]),
    ("readOnly = 1", [1]),
    ("readonly = 0", [2, 3, 4]),
    ("active = TRUE", [3]),
    ("id >= 2 AND id <= 3", [2, 3]),
    ("id = 2 OR id = 4 AND extId = 'C1'", [2]),
    ("(id = 2 OR id = 4) AND extId = 'X1'", [4]),
    ("dateDeleted IS NOT NULL", [4]),
    ("dateUpdated IS NOT NULL", [2, 4]),
    ("dateCreated > '2000-01-01'", [1, 2, 3, 4]),
    ("DATECREATED < '2000-01-01T00:00:00Z'", []),
    ("dateCreated < '2999-01-01 10:00:00.5+02:00'", [1, 2, 3, 4]),
  ]

  @Test func eachFilterListsTheRecordsItShould() async throws {
    var session = EmulatorSession(try EmulatorProcess())
    let inserted = try await session.admin("POST", "records/accounts", body: Self.accounts)
    #expect(inserted.object["ids"] as? [Int] == [1, 2, 3, 4])
    #expect(try await session.admin("DELETE", "records/accounts/4").status == 200)
    #expect(
      try await session.admin("PUT", "records/accounts/2", body: ["phone": "01"]).status == 200)
    try await session.login()
    for (filter, expected) in Self.cases {
      let answer = try await session.call("GET", "accounts", query: ["where": filter])
      #expect(answer.status == 200, "\(filter): \(answer.message ?? "")")
      #expect(answer.objects.compactMap { $0["id"] as? Int } == expected, "\(filter)")
    }
  }

  @Test func unreadableFiltersSayWhy() async throws {
    var session = EmulatorSession(try EmulatorProcess())
    try await session.login()
    let cases = [
      ("extId = 'open", "never closed"),
      ("(extId = 'C1'", "never closed"),
      ("extId = 'C1')", "unexpected )"),
      ("extId 'C1'", "must be followed by"),
      ("= 'C1'", "expected a field name"),
      ("extId LIKE 3", "pattern in quotes"),
      ("dateUpdated > 5", "date in quotes"),
      ("city IS EMPTY", "IS must be followed by NULL"),
      ("extId = 'C1' AND", "expected a field name"),
      ("extId = #", "unexpected character #"),
    ]
    for (filter, reason) in cases {
      let answer = try await session.call("GET", "accounts", query: ["where": filter])
      #expect(answer.status == 400, "\(filter)")
      #expect(answer.message?.contains(reason) == true, "\(filter): \(answer.message ?? "")")
    }
  }
}
