import Foundation
import GRDB
import GRDBSQLite
import PasserelleCore

/// The records a full export of one kind speaks for (`RecordStaging.speaksFor`),
/// listed on a thread of its own while the export's rows are read and mapped.
///
/// Finding the records an export no longer lists takes a pass over every record of
/// the resource. Made once every row was staged, that pass ran on one processor
/// while the other stood idle: 29 ms for 200,000 customers and 19 ms for their
/// main contacts, of a next cycle's 0.57 s. Made beside the mapping, it leaves the
/// end of the batch only this list to read back.
///
/// The list is read through a read-only connection of its own, which sees the
/// manifest as the last committed batch left it. That is what the batch's own
/// transaction sees of the resource until its staging commits: a later export of a
/// kind writes its records at commit only, after the list is read. Each record's
/// ordinal and code go to a nameless scratch file beside the manifest, a block at a
/// time: memory holds one block, whatever the size of the resource.
final class RecordCensus {
  /// One record of the list.
  struct Entry {
    /// Nil for a record numbered by no batch yet.
    var ordinal: Int?
    var code: UnsafeBufferPointer<UInt8>
  }

  /// The finished list.
  struct Listing {
    /// Records listed.
    let count: Int
    /// Blocks of entries, each after its length; nil when nothing was listed.
    fileprivate let file: ScratchFile?
    fileprivate let size: Int

    /// Calls `body` with each record listed, in the manifest's code order.
    func forEachRecord(_ body: (Entry) throws -> Void) throws {
      guard let file else { return }
      var block: [UInt8] = []
      var offset = 0
      while offset < size {
        var length: UInt32 = 0
        let read = try withUnsafeMutableBytes(of: &length) { try file.read(into: $0, at: offset) }
        guard read == MemoryLayout<UInt32>.size else { throw Self.truncated(at: offset) }
        block = [UInt8](repeating: 0, count: Int(length))
        let blockRead = try block.withUnsafeMutableBytes {
          try file.read(into: $0, at: offset + read)
        }
        guard blockRead == block.count else { throw Self.truncated(at: offset) }
        try block.withUnsafeBytes { try Self.forEachEntry(in: $0, body) }
        offset += read + block.count
      }
    }

    private static func forEachEntry(
      in block: UnsafeRawBufferPointer, _ body: (Entry) throws -> Void
    ) throws {
      var position = 0
      while position < block.count {
        let ordinal = block.loadUnaligned(fromByteOffset: position, as: Int64.self)
        let length = Int(block.loadUnaligned(fromByteOffset: position + 8, as: UInt32.self))
        let start = block.baseAddress!.advanced(by: position + headerSize)
          .assumingMemoryBound(to: UInt8.self)
        try body(
          Entry(
            ordinal: ordinal < 0 ? nil : Int(ordinal),
            code: UnsafeBufferPointer(start: start, count: length)))
        position += headerSize + length
      }
    }

    /// Never expected: the file holds what this process wrote to it.
    private static func truncated(at offset: Int) -> DatabaseError {
      DatabaseError(
        resultCode: .SQLITE_MISUSE, message: "record list cut short at byte \(offset)")
    }
  }

  /// What the listing thread shares with its owner.
  private final class Work: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var isCancelled = false
    /// Set by the thread before `done` is signalled; nil when listing failed.
    var listing: Listing? = nil

    var cancelled: Bool { lock.withLock { isCancelled } }
    func cancel() { lock.withLock { isCancelled = true } }
  }

  /// Ordinal (8 bytes) and code length (4 bytes) before each code.
  fileprivate static let headerSize = 12
  private let work: Work
  private var waited = false

  /// Starts listing the records of `resource` that an export of `kind` speaks for,
  /// in the manifest at `path`, written to the scratch file in blocks of about
  /// `blockBytes`. Nil when no thread could be started: the caller makes the pass
  /// itself.
  init?(manifest path: String, resource: String, kind: String, blockBytes: Int = 64 << 10) {
    let work = Work()
    let folder = (path as NSString).deletingLastPathComponent
    do {
      try WorkerThread.start("census", yields: true) {
        work.listing = RecordCensus.list(
          path: path, folder: folder, resource: resource, kind: kind, blockBytes: blockBytes,
          work)
        work.done.signal()
      }
    } catch {
      return nil
    }
    self.work = work
  }

  /// Abandoned (the batch failed before its deletions were looked for): the thread
  /// stops at its next block, and its connection closes before this returns.
  deinit {
    work.cancel()
    if !waited { work.done.wait() }
  }

  /// Waits for the list; nil when it could not be made (the manifest could not be
  /// read on a connection of its own, or the scratch file written).
  func listing() -> Listing? {
    if !waited {
      work.done.wait()
      waited = true
    }
    return work.listing
  }

  private static func list(
    path: String, folder: String, resource: String, kind: String, blockBytes: Int, _ work: Work
  ) -> Listing? {
    guard let connection = ManifestSnapshot.readConnection(path) else { return nil }
    defer { sqlite3_close_v2(connection) }
    var statement: OpaquePointer? = nil
    defer { sqlite3_finalize(statement) }
    guard
      sqlite3_prepare_v2(
        connection, "SELECT ordinal, code FROM record WHERE \(RecordStaging.speaksFor)", -1,
        &statement, nil) == SQLITE_OK,
      let statement,
      SQLiteColumn.bind(statement, 1, resource) == SQLITE_OK,
      SQLiteColumn.bind(statement, 2, kind) == SQLITE_OK
    else { return nil }
    return try? write(statement, to: ScratchFile(in: folder), blockBytes: blockBytes, work)
  }

  /// Steps through `statement`, writing its rows a block at a time.
  private static func write(
    _ statement: OpaquePointer, to file: ScratchFile, blockBytes: Int, _ work: Work
  ) throws -> Listing? {
    var block: [UInt8] = []
    block.reserveCapacity(blockBytes + 256)
    var count = 0
    var size = 0
    func flush() throws {
      var length = UInt32(block.count)
      try withUnsafeBytes(of: &length) { try file.write($0, at: size) }
      try block.withUnsafeBytes { try file.write($0, at: size + MemoryLayout<UInt32>.size) }
      size += MemoryLayout<UInt32>.size + block.count
      block.removeAll(keepingCapacity: true)
    }
    while true {
      let status = sqlite3_step(statement)
      if status == SQLITE_DONE { break }
      guard status == SQLITE_ROW else { return nil }
      append(statement, to: &block)
      count += 1
      if block.count >= blockBytes {
        if work.cancelled { return nil }
        try flush()
      }
    }
    if !block.isEmpty { try flush() }
    return Listing(count: count, file: size > 0 ? file : nil, size: size)
  }

  private static func append(_ statement: OpaquePointer, to block: inout [UInt8]) {
    var ordinal = Int64(SQLiteColumn.integer(statement, 0) ?? -1)
    let bytes = sqlite3_column_text(statement, 1)
    var length = UInt32(sqlite3_column_bytes(statement, 1))
    withUnsafeBytes(of: &ordinal) { block.append(contentsOf: $0) }
    withUnsafeBytes(of: &length) { block.append(contentsOf: $0) }
    if let bytes { block.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(length))) }
  }
}
