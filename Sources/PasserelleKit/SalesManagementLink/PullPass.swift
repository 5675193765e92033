import Foundation
import PasserelleCore

/// What one resource's pull saw: the versions to remember (of quote lines too), the ids to learn, and
/// the latest change, the next watermark.
struct PullPass {
  var watermark: String
  var versions: [(smId: Int, version: String)] = []
  /// The versions of quote lines seen, remembered apart from their quotes'.
  var lineVersions: [(smId: Int, version: String)] = []
  var learned: [(extId: String, smId: Int)] = []
  var echoes = 0

  init(watermark: String) { self.watermark = watermark }

  mutating func advance(to version: String) {
    guard let date = Timestamp.parse(version), let current = Timestamp.parse(watermark),
      date > current
    else { return }
    watermark = version
  }
}
