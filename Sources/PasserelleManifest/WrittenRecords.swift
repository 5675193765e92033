import Foundation
import GRDB
import PasserelleCore

/// The records a first export of its kind wrote as its rows went by, by ordinal,
/// with what a repeat of their code needs of the row that wrote them.
///
/// The record itself stands for its code in the file: a repeat is found when it
/// is written again. What only a repeat or a withdrawal reads (the row's line and
/// operations) is kept aside by ordinal, each record's number being the next one:
/// in slots of fixed size in a scratch file, the codes in another, written a block
/// at a time. A table of the manifest's temporary database did the same at eight
/// times the cost, an eighth of what the manifest's thread did for a first export.
final class WrittenRecords {
  /// The row that wrote a record.
  struct Row {
    var code: String
    var line: Int
    var operation: Int
    var fingerprint: Fingerprint?
    /// Its main contact's operation, when it has one.
    var companion: Int?
  }

  private let slots: ScratchFile
  private let codes: ScratchFile
  /// The ordinal of the first slot; nil while none is noted.
  private var firstOrdinal: Int? = nil
  /// Slots and code bytes in the files.
  private var slotsWritten = 0
  private var codeBytesWritten = 0
  /// The last slots noted and their codes, not yet in the files.
  private var pendingSlots: [UInt8] = []
  private var pendingCodes: [UInt8] = []
  private static let blockSize = 64

  /// The scratch files go beside the manifest that `db` opened.
  init(db: Database) throws {
    let folder = db.mainFilePath.map { ($0 as NSString).deletingLastPathComponent }
    slots = try ScratchFile(in: folder)
    codes = try ScratchFile(in: folder)
    pendingSlots.reserveCapacity(Self.blockSize * Slot.size)
  }

  /// The record of `ordinal` was written for `row`; ordinals come in increasing order.
  func note(ordinal: Int, _ row: Row) throws {
    let first = firstOrdinal ?? ordinal
    firstOrdinal = first
    var index = slotsWritten + pendingSlots.count / Slot.size
    guard ordinal - first >= index else {
      throw DatabaseError(
        resultCode: .SQLITE_MISUSE,
        message: "written record \(ordinal) noted after \(first + index - 1)")
    }
    while index < ordinal - first {
      Slot.appendEmpty(to: &pendingSlots)
      index += 1
    }
    let codeOffset = codeBytesWritten + pendingCodes.count
    pendingCodes.append(contentsOf: row.code.utf8)
    Slot.append(row, codeOffset: codeOffset, to: &pendingSlots)
    if pendingSlots.count >= Self.blockSize * Slot.size { try writePending() }
  }

  /// Writes the pending slots and codes at the end of their files.
  private func writePending() throws {
    try pendingCodes.withUnsafeBytes { try codes.write($0, at: codeBytesWritten) }
    codeBytesWritten += pendingCodes.count
    pendingCodes.removeAll(keepingCapacity: true)
    try pendingSlots.withUnsafeBytes { try slots.write($0, at: slotsWritten * Slot.size) }
    slotsWritten += pendingSlots.count / Slot.size
    pendingSlots.removeAll(keepingCapacity: true)
  }

  /// The row that wrote the record of `ordinal`, forgotten here; nil when none did.
  func take(ordinal: Int) throws -> Row? {
    guard let firstOrdinal, ordinal >= firstOrdinal else { return nil }
    let index = ordinal - firstOrdinal
    if index >= slotsWritten {
      let start = (index - slotsWritten) * Slot.size
      guard start < pendingSlots.count else { return nil }
      return try takePending(at: start)
    }
    var slot = [UInt8](repeating: 0, count: Slot.size)
    let read = try slot.withUnsafeMutableBytes { try slots.read(into: $0, at: index * Slot.size) }
    guard read == Slot.size, Slot.isNoted(slot, at: 0) else { return nil }
    try Slot.forgetByte.withUnsafeBytes {
      try slots.write($0, at: index * Slot.size + Slot.notedOffset)
    }
    return try row(of: slot, at: 0)
  }

  private func takePending(at start: Int) throws -> Row? {
    guard Slot.isNoted(pendingSlots, at: start) else { return nil }
    defer { pendingSlots[start + Slot.notedOffset] = 0 }
    return try row(of: pendingSlots, at: start)
  }

  /// The rows that wrote their records with payload operation `operation` (as
  /// their own, not their main contact's), forgotten here.
  func take(operation: Int) throws -> [Row] {
    try writePending()
    var rows: [Row] = []
    var block = [UInt8](repeating: 0, count: Self.blockSize * 16 * Slot.size)
    var offset = 0
    while offset < slotsWritten * Slot.size {
      let read = try block.withUnsafeMutableBytes { try slots.read(into: $0, at: offset) }
      guard read > 0 else { break }
      for start in stride(from: 0, to: read - Slot.size + 1, by: Slot.size)
      where Slot.isNoted(block, at: start) && Slot.operation(block, at: start) == operation {
        rows.append(try row(of: block, at: start))
        try Slot.forgetByte.withUnsafeBytes {
          try slots.write($0, at: offset + start + Slot.notedOffset)
        }
      }
      offset += read
    }
    return rows
  }

  /// Forgets every row: the batch is committed.
  func clear() throws {
    pendingSlots.removeAll(keepingCapacity: true)
    pendingCodes.removeAll(keepingCapacity: true)
    (firstOrdinal, slotsWritten, codeBytesWritten) = (nil, 0, 0)
    try slots.truncate()
    try codes.truncate()
  }

  /// The row a slot holds, with its code read back.
  private func row(of bytes: [UInt8], at start: Int) throws -> Row {
    var row = Slot.row(bytes, at: start)
    let (offset, length) = Slot.code(bytes, at: start)
    var code = [UInt8](repeating: 0, count: length)
    if offset >= codeBytesWritten {
      code = Array(pendingCodes[(offset - codeBytesWritten)..<(offset - codeBytesWritten + length)])
    } else {
      _ = try code.withUnsafeMutableBytes { try codes.read(into: $0, at: offset) }
    }
    row.code = String(decoding: code, as: UTF8.self)
    return row
  }
}
