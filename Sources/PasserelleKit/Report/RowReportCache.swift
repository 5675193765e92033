/// Digests of row reports kept from one rewrite of the HTML report to the next, so
/// that the service reads a report again only when it changed (SM's refusals
/// rewrite one under a new inode): a page after every batch stays cheap.
package final class RowReportCache {
  private var entries: [String: (stamp: DropFolder.Observation, digest: RowReportDigest)] = [:]

  package init() {}

  /// The digest of the report at `path`; nil when it is missing or unreadable.
  func digest(of path: String) -> RowReportDigest? {
    guard let stamp = DropFolder.observe(path) else {
      entries[path] = nil
      return nil
    }
    if let entry = entries[path], entry.stamp == stamp { return entry.digest }
    guard let digest = try? RowReportDigest.read(path: path) else { return nil }
    entries[path] = (stamp, digest)
    return digest
  }

  /// Forgets the reports no longer shown, so that the cache stays as small as the page.
  func keepOnly(_ paths: Set<String>) {
    entries = entries.filter { paths.contains($0.key) }
  }
}
