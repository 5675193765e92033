import Foundation
import PasserelleCore
import PasserelleManifest
import RecordMatching
import SalesManagementAPI

/// Keeps the candidate book in step with SM before a delivery plans creates: the
/// first time, every record of the resource without `extId`, page by page; then
/// what changed since the last look, a record leaving the book once it has an
/// `extId` or is deleted. Reads only.
struct CandidateRefresh {
  /// SM's clock may run ahead of ours: each look goes back this far.
  static let overlap: TimeInterval = 120

  let client: SalesManagementClient
  let book: CandidateBook
  let clock: @Sendable () -> Date

  func run(_ resource: MatchableResource) async throws {
    let started = clock()
    let filter: String
    if let mark = try book.watermark(resource.rawValue), let since = Timestamp.parse(mark) {
      filter = SalesManagementFilter.changed(since: since.addingTimeInterval(-Self.overlap))
    } else {
      filter = "(extId IS NULL OR extId = '')"
    }
    var page = 0
    while true {
      let answer = try await client.list(resource.rawValue, where: filter, page: page)
      try file(answer.records, resource)
      if answer.isLast { break }
      page += 1
    }
    try book.setWatermark(resource.rawValue, to: Timestamp.iso(started))
  }

  private func file(_ records: [JSONValue], _ resource: MatchableResource) throws {
    var entries: [(CandidateBook.Entry, lookups: [String])] = []
    var gone: [Int] = []
    for record in records {
      guard let id = record["id"]?.int else { continue }
      let extId = record["extId"]?.string ?? ""
      guard extId.isEmpty, record["deleted"] != .bool(true) else {
        gone.append(id)
        continue
      }
      let profile = MatchProfile(record: record, resource: resource)
      let keys = MatchKeys(profile)
      let entry = CandidateBook.Entry(
        smId: id, keys: try JSONEncoder().encode(keys), label: profile.label)
      entries.append((entry, LookupKey.filed(keys, resource: resource)))
    }
    try book.refresh(resource: resource.rawValue, entries: entries, gone: gone)
  }
}
