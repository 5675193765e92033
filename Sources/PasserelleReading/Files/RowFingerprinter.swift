import CXXHash
import Foundation
import PasserelleCore

/// Fingerprints source rows as read: XXH3's 128 bits over `context`, the row's value
/// bytes and where each value ends (and starts, when the values do not follow one
/// another). The same row under the same context gives the same fingerprint; the
/// context holds what the row's mapping depends on besides the row (see
/// `UnchangedRows`). A fingerprint only has to tell an edited row from the one
/// exported before, not to resist forgery: a non-cryptographic hash a dozen times
/// faster than SHA-256 does that, on the hot path of every re-export. One per
/// thread: it keeps its scratch space.
///
/// Everything is laid out in that space and hashed in one call: fed in three parts
/// to XXH3's streaming state, each part was first copied into the state's own
/// buffer, and a customer row took 2,350 instructions instead of about 1,660.
package final class RowFingerprinter {
  /// The context first, then the row's part, rewritten for each row.
  private var scratch: UnsafeMutableRawBufferPointer
  private let contextCount: Int

  /// A fingerprinter whose fingerprints cover `context` first.
  package init(context: [UInt8]) {
    contextCount = context.count
    scratch = .allocate(byteCount: max(1024, 2 * context.count), alignment: 8)
    context.withUnsafeBytes { scratch.copyMemory(from: $0) }
  }

  deinit { scratch.deallocate() }

  /// The row's fingerprint.
  package func fingerprint(_ row: SourceRow) -> Fingerprint {
    let count = row.withStorage { values, starts, ends in
      lay(values: values, starts: starts, ends: ends)
    }
    var hash = XXH3_128bits(scratch.baseAddress, count)
    // XXH128_hash_t is two 64-bit halves: 16 bytes, as fingerprints are.
    return withUnsafeBytes(of: &hash) { Fingerprint($0)! }
  }

  /// Lays out, after the context: the value bytes; where each value ends, in 16 bits
  /// when the values hold less than 64 KiB, else 32; where each starts, unless each
  /// starts where the one before ends (as a delimited row's do); then the count of
  /// value bytes, the count of values and the layout's form, so that no two rows
  /// lay out the same bytes. Returns the bytes laid out.
  private func lay(
    values: UnsafeRawBufferPointer, starts: UnsafeBufferPointer<Int>,
    ends: UnsafeBufferPointer<Int>
  ) -> Int {
    let narrow = values.count <= Int(UInt16.max)
    let width = narrow ? 2 : 4
    let needed = contextCount + values.count + 2 * width * ends.count + 9
    if needed > scratch.count { grow(to: needed) }
    // A local, not the property: stores through it would have it read again.
    let base = scratch.baseAddress!
    if let bytes = values.baseAddress {
      (base + contextCount).copyMemory(from: bytes, byteCount: values.count)
    }
    var offset = contextCount + values.count
    let follows = Self.eachFollows(starts, ends)
    offset +=
      narrow
      ? Self.store(ends, as: UInt16.self, at: base + offset)
      : Self.store(ends, as: UInt32.self, at: base + offset)
    if !follows {
      offset +=
        narrow
        ? Self.store(starts, as: UInt16.self, at: base + offset)
        : Self.store(starts, as: UInt32.self, at: base + offset)
    }
    (base + offset).storeBytes(of: UInt32(truncatingIfNeeded: values.count), as: UInt32.self)
    (base + offset + 4).storeBytes(of: UInt32(truncatingIfNeeded: ends.count), as: UInt32.self)
    (base + offset + 8).storeBytes(of: UInt8(width + (follows ? 0 : 8)), as: UInt8.self)
    return offset + 9
  }

  /// Whether each value starts where the one before ends, the first at 0. Without
  /// an early exit, the loop is one the compiler vectorises.
  private static func eachFollows(
    _ starts: UnsafeBufferPointer<Int>, _ ends: UnsafeBufferPointer<Int>
  ) -> Bool {
    guard let first = starts.first else { return true }
    var differences = first
    for index in starts.indices.dropFirst() { differences |= starts[index] ^ ends[index - 1] }
    return differences == 0
  }

  /// Stores `offsets` in `Width` each at `target`; returns the bytes stored. The
  /// values before them leave `target` at any byte: the stores are unaligned ones.
  private static func store<Width: FixedWidthInteger>(
    _ offsets: UnsafeBufferPointer<Int>, as: Width.Type, at target: UnsafeMutableRawPointer
  ) -> Int {
    let size = MemoryLayout<Width>.size
    for index in offsets.indices {
      target.storeBytes(
        of: Width(truncatingIfNeeded: offsets[index]), toByteOffset: index * size, as: Width.self)
    }
    return offsets.count * size
  }

  /// Keeps the context, at the start.
  private func grow(to count: Int) {
    let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: 2 * count, alignment: 8)
    grown.copyMemory(from: UnsafeRawBufferPointer(rebasing: scratch[..<contextCount]))
    scratch.deallocate()
    scratch = grown
  }
}
