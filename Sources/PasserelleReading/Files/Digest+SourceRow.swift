import Crypto
import Foundation
import PasserelleCore

extension PasserelleCore.Digest {
  /// Fingerprint of a source row as read (first 16 bytes of SHA-256), after `seed`:
  /// the same row under the same seed gives the same fingerprint. The seed holds
  /// what the row's mapping depends on besides the row (see `UnchangedRows`).
  /// `layout` is scratch space the caller keeps from row to row.
  package static func row(_ row: SourceRow, seed: SHA256, layout: inout [UInt32]) -> Data {
    var hasher = seed
    layout.removeAll(keepingCapacity: true)
    row.withStorage { values, starts, ends in
      hasher.update(bufferPointer: values)
      // Where values start and end, in 32 bits (a record is far below 4 GiB): a
      // quarter of the bytes of the row's own offsets, hashed for every row.
      for index in starts.indices {
        layout.append(UInt32(truncatingIfNeeded: starts[index]))
        layout.append(UInt32(truncatingIfNeeded: ends[index]))
      }
    }
    layout.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    return hasher.finalize().withUnsafeBytes { Data($0.prefix(16)) }
  }
}
