import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleManifest

@Suite struct ReportPageTests {
  static let hostile = "<script>alert(1)</script>"
  static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
  /// A name as files set aside get them (no `/`, `<`, `>`), still to encode and escape.
  static let linkName = "Tom & Jerry's #1 100%.txt"

  /// A page where every value that can come from a file is hostile.
  func content() -> ReportContent {
    var content = ReportContent(generatedAt: "2026-12-04T10:00:00Z", dossier: Self.hostile)
    var counts = BatchCounts()
    counts.read = 40
    counts.rejected = 5
    counts.warnings = 1_234
    let batch = ReportSnapshot.Batch(
      id: "20261204-100000-ab12", file: "\(Self.hostile).Txt", folder: "sage",
      entity: "customers", state: .done, finishedAt: "2026-12-04T10:00:00Z", counts: counts,
      rowReport: "/srv/out/rejects/x.rejects.csv")
    content.snapshot.latestBatches = [batch]
    content.snapshot.lastBatches = ["sage": batch]
    content.snapshot.looks = [.init(folder: "sage", at: "2026-12-04T10:00:00Z", completeFiles: 1)]
    content.reportLinks = [batch.id: "rejects/\(Self.linkName).rejects.csv"]
    content.groups = [
      RejectGroup(
        code: "missing-key", errors: 25,
        rows: [
          RejectGroup.Row(
            file: Self.hostile,
            sample: .init(
              line: 4, key: Self.hostile, field: Self.hostile, severity: "error",
              value: Self.hostile))
        ],
        reports: [.init(file: Self.hostile, link: "rejects/a.csv", name: Self.hostile, rows: 25)])
    ]
    content.reportsRead = 1
    content.setAside = [
      SetAsideFile(
        batch: "20261204-100001-cd34", file: Self.hostile, code: "unknown-entity",
        message: Self.hostile, at: nil, link: "rejects/\(Self.linkName)")
    ]
    content.days = DailyChart.buckets([], endingOn: Date(timeIntervalSince1970: 1_796_378_400))
    content.snapshot.delivery = DeliveryStatus(
      queues: [.init(resource: "accounts", waiting: 3, held: 1, delivered: 40, refused: 2)],
      lastSuccessAt: "2026-12-04T09:00:00Z", lastError: Self.hostile,
      lastErrorAt: "2026-12-04T09:30:00Z", failingSince: "2026-12-04T09:30:00Z",
      pullWatermarks: ["accounts": "2026-12-04T08:59:00Z"])
    return content
  }

  @Test func hostileValuesShowAsTextAndNothingRuns() {
    let page = ReportPage.html(content(), text: ReportText(.french))
    #expect(!page.lowercased().contains("<script"))
    #expect(page.contains(Self.escaped))
    #expect(!page.contains("onerror") && !page.contains("javascript:"))
    // Only the page itself is referred to: no outside file, no network.
    #expect(!page.contains("src=") && !page.contains("http://") && !page.contains("https://"))
    #expect(page.contains(#"href="rejects/Tom%20%26%20Jerry%27s%20%231%20100%25.txt.rejects.csv""#))
    #expect(page.contains(">Tom &amp; Jerry&#39;s #1 100%.txt</a>"))
  }

  @Test func everySectionIsThereWithTheConnectorsQueue() {
    let page = ReportPage.html(content(), text: ReportText(.french))
    for id in ReportPage.sections {
      #expect(page.contains(#"<section id="\#(id)">"#), "\(id)")
      #expect(page.contains("<a href=\"#\(id)\">"), "\(id)")
    }
    #expect(page.contains(#"<html lang="fr">"#))
    #expect(page.contains("Lignes rejetées et avertissements, par motif"))
    #expect(page.contains("Dans Sage 50, compléter le code dans la fiche"))
    #expect(page.contains("1\u{202F}234 avertissement(s)"))
    #expect(page.contains("… et 24 autre(s) ligne(s)."))
    #expect(page.contains("<td class=\"code\">accounts</td>"))
    #expect(page.contains("04/12/2026 08:59:00 UTC"))
  }

  @Test func theSettingSwitchesThePageToEnglish() {
    let page = ReportPage.html(content(), text: ReportText(.english))
    #expect(page.contains(#"<html lang="en">"#))
    #expect(page.contains("Rejected rows and warnings, by reason"))
    #expect(page.contains("In Sage 50, fill in the code in the record"))
    #expect(page.contains("… and 24 more row(s)."))
    #expect(!page.contains("Lignes rejetées"))
  }

  @Test func withoutTheConnectorTheSectionSaysSo() {
    var content = content()
    content.snapshot.delivery = nil
    let page = ReportPage.html(content, text: ReportText(.english))
    #expect(page.contains(#"<section id="delivery">"#))
    #expect(page.contains("The connector has not been used yet"))
  }
}
