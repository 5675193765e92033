import Foundation

/// 128 bits that tell one content from another: the first half of an upsert's
/// SHA-256 (`Digest`), or a source row's XXH3 (`RowFingerprinter`). Held inline,
/// where a `Data` of 16 bytes, two bytes past what it keeps inline, allocates:
/// every record looked up or written carries one or two of them.
package struct Fingerprint: Hashable, Sendable, ContiguousBytes {
  /// The 16 bytes, in the order they were given and are stored.
  private var bytes: (UInt64, UInt64)

  /// The number of bytes of every fingerprint.
  package static let byteCount = 16

  /// The fingerprint made of `bytes`; nil unless there are exactly 16 of them.
  package init?(_ bytes: UnsafeRawBufferPointer) {
    guard bytes.count == Self.byteCount else { return nil }
    self.bytes = (
      bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
      bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    )
  }

  /// The fingerprint made of `data`; nil unless it holds exactly 16 bytes.
  package init?(_ data: Data) {
    guard let fingerprint = data.withUnsafeBytes({ Fingerprint($0) }) else { return nil }
    self = fingerprint
  }

  /// Calls `body` with the 16 bytes, as given.
  package func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result)
    rethrows -> Result
  {
    var bytes = self.bytes
    return try Swift.withUnsafeBytes(of: &bytes) { try body($0) }
  }

  /// The 16 bytes, for APIs that take `Data`.
  package var data: Data { withUnsafeBytes { Data($0) } }

  package static func == (left: Fingerprint, right: Fingerprint) -> Bool {
    left.bytes.0 == right.bytes.0 && left.bytes.1 == right.bytes.1
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(bytes.0)
    hasher.combine(bytes.1)
  }
}
