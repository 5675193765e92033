import Foundation
import PasserelleCore

/// Batch ids: UTC time of the claim plus a random suffix, sortable and unique
/// ("20261128-101500-3fa9").
enum BatchID {
  static let length = 20

  static func make(at date: Date) -> String {
    let suffix = String(UInt16.random(in: 0...UInt16.max), radix: 16)
    return Timestamp.compact(date) + "-" + String(repeating: "0", count: 4 - suffix.count) + suffix
  }

  /// Splits "<batch>-<original name>" as claimed files are named.
  static func split(_ name: String) -> (String, String)? {
    let utf8 = Array(name.utf8)
    guard utf8.count > length + 1, utf8[length] == UInt8(ascii: "-"), utf8[8] == UInt8(ascii: "-")
    else { return nil }
    return (String(name.prefix(length)), String(name.dropFirst(length + 1)))
  }
}
