import Foundation
import Testing

@testable import PasserelleKit
@testable import PasserelleManifest

/// A slice sent at once holds one operation per record: a second change of a
/// record waits for the answer to the first (a create, then an update with its id).
@Suite struct OutboxSliceTests {
  private static func operations(_ extIds: [String]) -> [OutboxOperation] {
    extIds.enumerated().map { index, extId in
      OutboxOperation(
        seq: Int64(index + 1), batch: "B1", resource: "accounts", action: "upsert", extId: extId,
        body: Data(), smId: nil, attempts: 0)
    }
  }

  @Test(arguments: [
    ([], []),
    (["C1"], ["C1"]),
    (["C1", "C2", "C3"], ["C1", "C2", "C3"]),
    (["C1", "C1"], ["C1"]),
    (["C1", "C2", "C1", "C3"], ["C1", "C2"]),
    (["C1", "C2", "C3", "C2", "C4", "C1"], ["C1", "C2", "C3"]),
  ])
  func aSliceStopsBeforeTheSecondOperationOfARecord(extIds: [String], sent: [String]) {
    let slice = OutboxDelivery.distinctRecords(Self.operations(extIds))
    #expect(slice.map(\.extId) == sent)
    #expect(slice.map(\.seq) == (0..<sent.count).map { Int64($0 + 1) })
  }
}
