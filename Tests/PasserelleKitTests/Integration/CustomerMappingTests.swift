import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleManifest
@testable import PasserelleOutput
@testable import PasserelleReading
@testable import SageToSalesManagement
@testable import SalesManagementToSage

@Suite struct CustomerMappingTests {
  static let samples = ["Export des clients.Txt", "clients-excel.csv", "clients.xml"]

  /// Every bad row the samples hold is reported with its physical line and code.
  @Test(arguments: samples)
  func theRejectReportListsEveryBadRowOfTheSample(name: String) throws {
    let root = try TestRoot()
    try root.drop(sample: TestFiles.sample(name))
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.state == .done)
    let reportName = try #require(
      root.scratch.files(in: "out/rejects").first { $0.hasSuffix(".rejects.csv") })
    let rows = try root.reportRows("\(root.layout.rejects)/\(reportName)")
    let reported = rows.map { "\($0[0]) \($0[1]) \($0[4])" }.sorted()
    let expected = try TestFiles.expectedBadRows(of: name).map { "\($0.line) \($0.key) \($0.code)" }
      .sorted()
    #expect(reported == expected)
    #expect(outcome.counts.rejected == 5)
    #expect(outcome.counts.emitted == 35)
  }

  /// The payload of the shipped TAB export, byte for byte.
  @Test func theTabSampleGivesTheGoldenPayload() throws {
    let root = try TestRoot()
    root.settings.tables.countryIds = ["FR": 73, "BE": 21]
    root.settings.tables.accountTypeIds = [LabelKey.normalise("Professionnel"): 1]
    root.settings.tables.adminUserId = 7
    root.settings.tables.branchId = 1
    try root.drop(sample: TestFiles.tabSample)
    let outcome = try #require(try root.runOnce().first)
    let payload = try #require(root.payloads().first)
    try Golden.check(
      Golden.normalise(try TestFiles.read(payload), batch: outcome.batch),
      named: "customers-tab.accounts.json")
    let report = try #require(outcome.outputs.first { $0.hasSuffix(".rejects.csv") })
    try Golden.check(
      try TestFiles.read(report), named: "customers-tab.rejects.csv")
  }

  /// The three formats of the same customers give the same accounts.
  @Test func theThreeFormatsGiveTheSameAccounts() throws {
    var payloads: [String] = []
    for name in Self.samples {
      let root = try TestRoot()
      try root.drop(sample: TestFiles.sample(name), as: "export")
      let outcome = try #require(try root.runOnce().first)
      let operations = try root.operations(try #require(root.payloads().first))
      // Observations may hold line breaks only where the format can carry them.
      let normalised = operations.map { operation in
        var data = operation.data ?? [:]
        data["comment"] = (data["comment"] as? String)?.replacingOccurrences(of: "\n", with: " ")
        return
          "\(operation.extId) \(data.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })"
      }
      payloads.append(normalised.joined(separator: "\n"))
      #expect(outcome.counts.emitted == 35)
    }
    #expect(payloads[0] == payloads[1])
    #expect(payloads[0] == payloads[2])
  }

  @Test func anUnchangedCustomerKeepsItsAdminAndIsNotSentAgain() throws {
    let root = try TestRoot()
    root.settings.tables.adminUserId = 7
    let builder = try CustomerExportBuilder()
    let export = builder.build(count: 20) { _, fields in fields[54] = [] }  // no Représentant
    try root.drop(export, as: "a.Txt")
    let first = try #require(try root.runOnce().first)
    let operations = try root.operations(try #require(root.payloads().first))
    #expect(operations.allSatisfy { $0.data?["salesRepId1"] as? Int == 7 })
    try root.drop(export + Array("\r\n".utf8), as: "b.Txt")
    let second = try #require(try root.runOnce().first)
    #expect(first.counts.emitted == 20)
    #expect(second.counts.emitted == 0 && second.counts.unchanged == 20)
  }

  @Test func aKnownRepresentativeBecomesSalesRepId1() throws {
    let root = try TestRoot()
    root.settings.tables.adminUserId = 7
    let manifest = try Manifest(path: root.layout.manifest)
    try manifest.write { db in
      try db.execute(
        sql: """
          INSERT INTO record(resource, code, kind, origin, owner, smId, firstBatch, lastBatch)
          VALUES ('users', 'R02', 'user', 'sage', 'sage', 42, 'b', 'b')
          """)
    }
    let builder = try CustomerExportBuilder()
    try root.drop(
      builder.build(count: 3) { index, fields in
        fields[54] = Array((index == 0 ? "R02" : "R77").utf8)
      }, as: "a.Txt")
    let outcome = try #require(try root.runOnce().first)
    let operations = try root.operations(try #require(root.payloads().first))
    #expect(operations[0].data?["salesRepId1"] as? Int == 42)
    #expect(operations[1].data?["salesRepId1"] as? Int == 7)  // unknown rep, new record
    #expect(operations[1].data?["Z_REPRESENTANT"] as? String == "R77")
    #expect(outcome.counts.warnings >= 2)  // R77 is not in the user map
  }
}
