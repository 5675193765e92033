import CXXHash
import Foundation
import PasserelleCore

/// Fingerprints source rows as read: XXH3's 128 bits over `context`, the row's value
/// bytes and where each value starts and ends. The same row under the same context
/// gives the same fingerprint; the context holds what the row's mapping depends on
/// besides the row (see `UnchangedRows`). A fingerprint only has to tell an edited
/// row from the one exported before, not to resist forgery: a non-cryptographic
/// hash a dozen times faster than SHA-256 does that, on the hot path of every
/// re-export. One per thread: it keeps its hashing state and scratch space.
package final class RowFingerprinter {
  private let context: [UInt8]
  private let state: OpaquePointer
  private var layout: [UInt32] = []

  /// A fingerprinter whose fingerprints cover `context` first.
  package init(context: [UInt8]) {
    self.context = context
    // Allocation fails only when memory is exhausted, where nothing else would go on.
    state = XXH3_createState()!
  }

  deinit { XXH3_freeState(state) }

  /// The row's fingerprint.
  package func fingerprint(_ row: SourceRow) -> Fingerprint {
    XXH3_128bits_reset(state)
    context.withUnsafeBytes { update($0) }
    row.withStorage { values, starts, ends in
      update(values)
      // Where values start and end, in 32 bits (a record is far below 4 GiB),
      // written in place: appended one by one, they cost more than the hashing.
      let count = 2 * starts.count
      if layout.count < count { layout = [UInt32](repeating: 0, count: count) }
      layout.withUnsafeMutableBufferPointer { layout in
        for index in starts.indices {
          layout[2 * index] = UInt32(truncatingIfNeeded: starts[index])
          layout[2 * index + 1] = UInt32(truncatingIfNeeded: ends[index])
        }
        update(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: layout[..<count])))
      }
    }
    var hash = XXH3_128bits_digest(state)
    // XXH128_hash_t is two 64-bit halves: 16 bytes, as fingerprints are.
    return withUnsafeBytes(of: &hash) { Fingerprint($0)! }
  }

  private func update(_ bytes: UnsafeRawBufferPointer) {
    _ = XXH3_128bits_update(state, bytes.baseAddress, bytes.count)
  }
}
