import Foundation
import PasserelleCore
import PasserelleManifest

/// Everything the HTML report shows about one root (one dossier), gathered from its
/// manifest (read only) and its `out/` folder.
package struct ReportContent: Sendable {
  /// When it was gathered (ISO-8601 UTC).
  package var generatedAt: String
  /// The dossier's name, when the root serves several.
  package var dossier: String?
  /// False before the first batch: the page says so.
  package var hasManifest = true
  /// What the manifest holds.
  package var snapshot = ReportSnapshot()
  /// Files in each drop folder right now (`sage`, `salesmanagement`), not yet claimed.
  package var waiting: [String: Int] = [:]
  /// Rejected rows and warnings by reason, from the latest row reports.
  package var groups: [RejectGroup] = []
  /// The row report of each batch listed, relative to `out/`, by batch id.
  package var reportLinks: [String: String] = [:]
  /// How many row reports were read for `groups`.
  package var reportsRead = 0
  /// The latest files set aside, newest first.
  package var setAside: [SetAsideFile] = []
  /// Rows per day, the last `DailyChart.dayCount` days.
  package var days: [ReportSnapshot.Day] = []

  /// How many batches each list of the page shows at most.
  package static let batchesShown = 20

  package init(generatedAt: String, dossier: String? = nil) {
    self.generatedAt = generatedAt
    self.dossier = dossier
  }

  /// Reads the manifest and `out/` of `layout`; a manifest that cannot be read
  /// throws an `EnvironmentFailure`.
  static func gather(
    _ layout: Layout, dossier: String?, now: Date, cache: RowReportCache
  ) throws -> ReportContent {
    var content = ReportContent(generatedAt: Timestamp.iso(now), dossier: dossier)
    content.waiting = [
      SourceFolder.sage.rawValue: waitingFiles(in: layout.watchSage),
      SourceFolder.salesManagement.rawValue: waitingFiles(in: layout.watchSalesManagement),
    ]
    guard FileSystem.exists(layout.manifest) else {
      content.hasManifest = false
      content.days = DailyChart.buckets([], endingOn: now)
      return content
    }
    content.snapshot = try ReportSnapshot.load(
      from: layout.manifest, since: DailyChart.firstDay(endingOn: now), limit: batchesShown)
    content.days = DailyChart.buckets(content.snapshot.days, endingOn: now)
    content.setAside = content.snapshot.setAside.map { SetAsideFile($0, rejects: layout.rejects) }
    for batch in content.snapshot.latestBatches {
      guard let stored = batch.rowReport else { continue }
      content.reportLinks[batch.id] = locate(stored, in: layout).link
    }
    content.readRowReports(layout, cache: cache)
    return content
  }

  /// Groups the rows of the latest row reports by reason.
  private mutating func readRowReports(_ layout: Layout, cache: RowReportCache) {
    var digests: [(report: RejectGroup.Report, digest: RowReportDigest)] = []
    var read: Set<String> = []
    for batch in snapshot.reportedBatches {
      guard let stored = batch.rowReport else { continue }
      let (path, link) = Self.locate(stored, in: layout)
      guard let digest = cache.digest(of: path) else { continue }
      read.insert(path)
      let name = (stored as NSString).lastPathComponent
      digests.append((RejectGroup.Report(file: batch.file, link: link, name: name), digest))
    }
    cache.keepOnly(read)
    reportsRead = digests.count
    groups = RejectGroup.groups(digests)
  }

  /// Where a row report is read, and its link from `out/`: a report in an
  /// `out/rejects/` folder is this root's (whatever root path wrote it); one
  /// written elsewhere (`convert --out`) has no link.
  static func locate(_ stored: String, in layout: Layout) -> (path: String, link: String?) {
    let name = (stored as NSString).lastPathComponent
    let folder = (stored as NSString).deletingLastPathComponent
    let local = "\(layout.rejects)/\(name)"
    if folder == layout.rejects || folder.hasSuffix("/out/rejects") || folder == "out/rejects",
      FileSystem.isRegularFile(local)
    {
      return (local, "rejects/\(name)")
    }
    return (stored, nil)
  }

  /// Files a drop folder holds that a pass would look at (not hidden, temporary or
  /// a marker; not the picture folder).
  static func waitingFiles(in folder: String) -> Int {
    FileSystem.entries(of: folder).filter {
      !DropFolder.isIgnored($0) && FileSystem.isRegularFile("\(folder)/\($0)")
    }.count
  }
}
