import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleManifest
@testable import SalesManagementAPI

/// What `push` says of one delivery.
@Suite struct DeliveryReportTests {
  func call(_ seq: Int64, _ resource: String, _ kind: PlannedCall.Kind) -> PlannedCall {
    let operation = OutboxOperation(
      seq: seq, batch: "b", resource: resource, action: "upsert", extId: "C\(seq)", body: Data(),
      smId: nil, attempts: 0)
    return PlannedCall(operation: operation, guid: "g\(seq)", kind: kind)
  }

  @Test func anEmptyDeliverySaysNothingWaited() {
    let report = DeliveryReport()
    #expect(report.summary(in: .english) == "Nothing waited for Sales Management.")
    #expect(report.summary(in: .french) == "Rien n'attendait d'être envoyé à Sales Management.")
    #expect(report.delivered == 0 && report.refused == 0 && report.held == 0)
  }

  @Test func outcomesAreCountedPerResourceAndSummedAndTheSummaryListsResourcesByName() {
    var report = DeliveryReport()
    report.count(.delivered(seq: 1, smId: nil), call: call(1, "contacts", .create(.null)))
    report.count(.delivered(seq: 2, smId: 9), call: call(2, "accounts", .update(id: 9, .null)))
    report.count(.held(seq: 3, reason: "x"), call: call(3, "contacts", .held("x")))
    report.count(
      .delivered(seq: 4, smId: 8), call: call(4, "accounts", .adopt(id: 8, .null, evidence: [])))
    report.count(
      .refused(seq: 5, message: "x", field: nil), call: call(5, "accounts", .create(.null)))
    report.count(.delivered(seq: 6, smId: nil), call: call(6, "contacts", .nothing))
    #expect(report.resources["accounts"]?.updated == 1)
    #expect(report.resources["accounts"]?.adopted == 1)
    #expect(report.resources["accounts"]?.created == 0)
    #expect(report.resources["contacts"]?.created == 1)
    #expect(report.resources["accounts"]?.delivered == 2)
    #expect(report.resources["accounts"]?.refused == 1)
    #expect(report.resources["accounts"]?.held == 0)
    #expect(report.resources["contacts"]?.delivered == 2)
    #expect(report.resources["contacts"]?.held == 1)
    #expect(report.delivered == 4)
    #expect(report.refused == 1)
    #expect(report.held == 1)
    #expect(
      report.summary(in: .english)
        == "Delivered to Sales Management — companies: 2 delivered, 1 refused, 0 held; contacts: 2 delivered, 0 refused, 1 held"
    )
    #expect(
      report.summary(in: .french)
        == "Envoyé à Sales Management — sociétés : 2 livrée(s), 1 refusée(s), 0 retenue(s) ; contacts : 2 livrée(s), 0 refusée(s), 1 retenue(s)"
    )
  }
}
