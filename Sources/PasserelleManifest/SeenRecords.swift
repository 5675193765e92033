import Foundation
import GRDB
import PasserelleCore

/// The records of one resource that rows of the export being staged stand for,
/// one bit each by the record's ordinal (its number within the resource), in
/// whatever order the export lists them.
///
/// A row that staging would only mark as seen is noted here instead of in the
/// staging table: most rows of a re-export, each of which costs an insert there.
/// The line of each such row is kept in a slot for its ordinal, in a nameless
/// scratch file beside the manifest (`ScratchFile`), so that it can be told if its
/// code comes again; rows of consecutive ordinals (an export listed as the one that
/// first wrote them) are written a block at a time. Memory: two bits per number the
/// resource has given, and one block.
final class SeenRecords {
  private var seen: [UInt64] = []
  private var skipped: [UInt64] = []
  /// Where the scratch file goes (nil: the system's temporary folder).
  private let folder: String?
  /// Made at the first block written: most stagings skip no row, or few.
  private var lines: ScratchFile? = nil
  /// The lines of the last rows skipped, for the ordinals from `pendingStart` on,
  /// not yet in the file.
  private var pending: [Int] = []
  private var pendingStart = 0
  private static let blockSize = 512
  private static let slotSize = MemoryLayout<Int>.size

  /// The scratch file goes beside the manifest that `db` opened.
  init(db: Database) {
    folder = db.mainFilePath.map { ($0 as NSString).deletingLastPathComponent }
    pending.reserveCapacity(Self.blockSize)
  }

  /// Whether a row of this export stood for the record of `ordinal`.
  func contains(_ ordinal: Int) -> Bool { Self.test(seen, ordinal) }

  /// Whether that row was skipped rather than staged.
  func wasSkipped(_ ordinal: Int) -> Bool { Self.test(skipped, ordinal) }

  /// A row stands for the record of `ordinal`, and is staged.
  func note(_ ordinal: Int) { Self.set(&seen, ordinal) }

  /// The row at `line` stands for the record of `ordinal`, and is not staged.
  func skip(_ ordinal: Int, line: Int) throws {
    Self.set(&seen, ordinal)
    Self.set(&skipped, ordinal)
    if !pending.isEmpty
      && (ordinal != pendingStart + pending.count || pending.count == Self.blockSize)
    {
      try writePending()
    }
    if pending.isEmpty { pendingStart = ordinal }
    pending.append(line)
  }

  /// The line of the skipped row of `ordinal`, which is then staged: no longer
  /// skipped.
  func stage(skipped ordinal: Int) throws -> Int {
    Self.clear(&skipped, ordinal)
    if ordinal >= pendingStart && ordinal < pendingStart + pending.count {
      return pending[ordinal - pendingStart]
    }
    var line = 0
    let read = try withUnsafeMutableBytes(of: &line) { slot in
      try lines?.read(into: slot, at: ordinal * Self.slotSize) ?? 0
    }
    // Every skipped row's line was written before its block was left; a slot never
    // written reads as nothing, or as 0, no line of a file.
    guard read == Self.slotSize, line > 0 else {
      throw DatabaseError(
        resultCode: .SQLITE_MISUSE, message: "no line kept for the skipped record \(ordinal)")
    }
    return line
  }

  /// Forgets the lines kept, once the batch is committed.
  func clear() throws {
    pending.removeAll(keepingCapacity: true)
    try lines?.truncate()
  }

  private func writePending() throws {
    let file = try lines ?? ScratchFile(in: folder)
    lines = file
    try pending.withUnsafeBytes { try file.write($0, at: pendingStart * Self.slotSize) }
    pending.removeAll(keepingCapacity: true)
  }

  private static func test(_ bits: [UInt64], _ ordinal: Int) -> Bool {
    let word = ordinal >> 6
    return word < bits.count && bits[word] & (1 << UInt64(ordinal & 63)) != 0
  }

  private static func set(_ bits: inout [UInt64], _ ordinal: Int) {
    let word = ordinal >> 6
    if word >= bits.count {
      bits.append(contentsOf: repeatElement(0, count: word + 1 - bits.count))
    }
    bits[word] |= 1 << UInt64(ordinal & 63)
  }

  private static func clear(_ bits: inout [UInt64], _ ordinal: Int) {
    let word = ordinal >> 6
    if word < bits.count { bits[word] &= ~(1 << UInt64(ordinal & 63)) }
  }
}
