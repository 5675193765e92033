import Foundation
import Testing

@testable import PasserelleKit

/// A pull's next watermark is the latest change it saw, compared as times: SM
/// writes them with or without fractions of a second.
@Suite struct PullPassTests {
  @Test(arguments: [
    ("2026-11-28T10:15:00Z", "2026-11-28T10:15:01Z"),
    ("2026-11-28T10:15:00Z", "2026-11-28T10:15:00.250Z"),
    ("2026-11-28T10:15:00.500Z", "2026-11-28T10:15:00.750Z"),
    ("2026-11-28T10:15:00.999Z", "2026-11-28T10:15:01Z"),
    ("2026-11-28T10:15:00Z", "2026-11-29T00:00:00Z"),
  ])
  func aLaterChangeMovesTheWatermark(watermark: String, version: String) {
    var pass = PullPass(watermark: watermark)
    pass.advance(to: version)
    #expect(pass.watermark == version)
  }

  @Test(arguments: [
    ("2026-11-28T10:15:00Z", "2026-11-28T10:15:00Z"),
    ("2026-11-28T10:15:00Z", "2026-11-28T10:15:00.000Z"),
    ("2026-11-28T10:15:00Z", "2026-11-28T10:14:59.999Z"),
    ("2026-11-28T10:15:00.500Z", "2026-11-28T10:15:00Z"),
    ("2026-11-28T10:15:01Z", "2026-11-28T10:15:00.999Z"),
    ("2026-11-28T10:15:00Z", ""),
    ("2026-11-28T10:15:00Z", "28/11/2026 10:16"),
  ])
  func anEarlierEqualOrUnreadableVersionLeavesTheWatermark(watermark: String, version: String) {
    var pass = PullPass(watermark: watermark)
    pass.advance(to: version)
    #expect(pass.watermark == watermark)
  }

  /// Records come in SM's order, not their changes': the watermark is the latest.
  @Test func theWatermarkIsTheLatestOfChangesSeenInAnyOrder() {
    var pass = PullPass(watermark: "2026-11-28T10:00:00Z")
    for version in [
      "2026-11-28T10:05:00Z", "2026-11-28T10:01:00.500Z", "2026-11-28T10:09:30.125Z",
      "2026-11-28T10:09:30Z", "2026-11-28T10:02:00Z",
    ] {
      pass.advance(to: version)
    }
    #expect(pass.watermark == "2026-11-28T10:09:30.125Z")
  }
}
