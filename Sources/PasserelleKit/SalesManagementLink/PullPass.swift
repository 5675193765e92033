import Foundation
import PasserelleCore

/// What one resource's pull saw: the versions to remember (of quote lines too), the
/// ids to learn, and the latest change, the next watermark.
struct PullPass {
  var watermark: String
  var versions: [(smId: Int, version: String)] = []
  /// The versions of quote lines seen, remembered apart from their quotes'.
  var lineVersions: [(smId: Int, version: String)] = []
  var learned: [(extId: String, smId: Int)] = []
  var echoes = 0

  init(watermark: String) { self.watermark = watermark }

  mutating func advance(to version: String) {
    watermark = Self.later(version, watermark)
  }

  /// The later of two versions, compared as times (as text, `10:15:00Z` would sort
  /// after `10:15:00.500Z`); one that is no time loses.
  static func later(_ version: String, _ other: String?) -> String {
    guard let other, let otherTime = Timestamp.parse(other) else { return version }
    guard let time = Timestamp.parse(version) else { return other }
    return time > otherTime ? version : other
  }
}
