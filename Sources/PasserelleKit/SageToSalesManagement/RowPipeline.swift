import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// Reads, maps and hands over rows on several threads, in file order: one thread
/// parses, two map (mapping is pure and takes most of the time), and the caller's
/// thread consumes the mapped rows in their original order (manifest and payload
/// work, which must stay sequential). Memory stays bounded: at most a few blocks
/// are in flight.
///
/// The mapping threads give way to the others when processors are short: the
/// consuming thread's work is the part nothing can share. Given even shares, it
/// got about two thirds of a processor beside two mappers and waited for their
/// blocks the rest of the time, while the processors stood idle a quarter of a
/// first conversion.
final class RowPipeline<Prepared: Sendable>: @unchecked Sendable {
  typealias Mapper = (SourceRow) -> Prepared
  /// Makes the mapper of one mapping thread, which may keep state of its own.
  typealias MapperFactory = @Sendable () -> Mapper
  /// Reworks a block's mapped rows, in order, on its mapping thread.
  typealias Regrouper = @Sendable (inout [Prepared]) -> Void

  private let reader: any RecordReader
  private let encoding: TextEncoding
  private let blockSize = 128
  /// A block is handed over early once its rows hold this many bytes, and rows that
  /// grew past `largeRow` are not recycled: memory follows bytes, not row counts.
  private let blockBytes = 2 << 20
  private let largeRow = 64 << 10
  /// Blocks read but not yet freed: bounds what waits for a slow mapper too, and
  /// what waits to be freed by its mapping thread (see `consumed`).
  private let inFlight = DispatchSemaphore(value: RowPipeline.blocksInFlight)
  private static var blocksInFlight: Int { 8 }
  /// Consumed blocks each mapping thread may hold. A mapping thread frees them only
  /// once it has a new block, so together they must leave the reader a block to
  /// read, or every thread would wait for another.
  private static var consumedPerMapper: Int { 2 }
  private var cancelled = false
  private var runningMappers = 0
  private let mapperCount = 2
  private let work: BoundedQueue<RowBlock>
  /// Mapped rows go back to the reader: no row buffer is allocated per row.
  private let spare: BoundedQueue<[SourceRow]>
  private let results: BoundedQueue<(sequence: Int, mapper: Int, rows: [Prepared])>
  /// Consumed blocks, one queue per mapping thread, which frees them before its next
  /// block. Freed on the consuming thread, the memory of the rows' values went back
  /// to the mapping thread's arena of the C library's allocator under the arena's
  /// lock, while the mapping thread allocated from it: both waited, thousands of times
  /// a run. A block waiting here is still in flight (`inFlight`); one that finds its
  /// queue full, or its mapping thread ended, is freed where consumed.
  private let consumed: [BoundedQueue<[Prepared]>]
  private let lock = NSLock()
  private var makeMapper: MapperFactory? = nil
  private var readFailure: Error? = nil
  private let setupReady = DispatchSemaphore(value: 0)
  private let finished = DispatchGroup()

  init(_ source: ExportReader) {
    reader = source.reader
    encoding = source.encoding
    work = BoundedQueue(capacity: 4)
    results = BoundedQueue(capacity: 4)
    spare = BoundedQueue(capacity: 16)
    precondition(mapperCount * Self.consumedPerMapper < Self.blocksInFlight)
    consumed = (0..<mapperCount).map { _ in BoundedQueue(capacity: Self.consumedPerMapper) }
  }

  /// `setup` sees the header (on the reading thread) and returns what makes each
  /// mapping thread's mapper; `regroup`, given, reworks each block once mapped (on
  /// its mapping thread); `consume` receives the blocks in file order (on this
  /// thread), to keep or take apart.
  func run(
    setup: @escaping @Sendable ([String]) throws -> MapperFactory,
    regroup: Regrouper? = nil,
    consume: (inout [Prepared]) throws -> Void
  ) throws {
    finished.enter()
    do {
      try WorkerThread.start("reader") { [self] in
        defer { finished.leave() }
        read(setup: setup)
      }
    } catch {
      finished.leave()
      throw error
    }
    setupReady.wait()
    guard let makeMapper = lock.withLock({ self.makeMapper }) else {
      finished.wait()
      throw lock.withLock { readFailure } ?? FileRejection(.emptyFile, .noHeaderLine)
    }
    lock.withLock { runningMappers = mapperCount }
    var startFailure: EnvironmentFailure? = nil
    var started = 0
    for index in 0..<mapperCount {
      finished.enter()
      do {
        try WorkerThread.start("mapper", yields: true) { [self] in
          defer { finished.leave() }
          map(with: makeMapper(), index: index, regroup: regroup)
          mapperEnded()
        }
        started += 1
      } catch {
        finished.leave()
        startFailure = error
        // No thread to free its blocks: the consuming thread frees them.
        consumed[index].close()
        mapperEnded()
      }
    }
    if let startFailure, started == 0 {
      // No mapper at all: stop the reader and give the file back untouched.
      stop()
      throw startFailure
    }

    var waiting: [Int: (mapper: Int, rows: [Prepared])] = [:]
    var next = 0
    do {
      while let (sequence, mapper, rows) = results.pop() {
        // Moved, not copied, here and below: the rows have a single owner, so the
        // consumer takes their values without copying the block, and the block is
        // freed where it is let go.
        waiting[sequence] = (mapper, consume rows)
        while case (let mapper, var rows)? = waiting.removeValue(forKey: next) {
          try consume(&rows)
          // Still in flight until freed: by its mapping thread, or here.
          if !consumed[mapper].tryPush(consume rows) { inFlight.signal() }
          next += 1
        }
      }
    } catch {
      stop()
      throw error
    }
    finished.wait()
    if let failure = lock.withLock({ readFailure }) { throw failure }
  }

  /// The last mapper out (or one that never started) closes the results.
  private func mapperEnded() {
    if lock.withLock({
      runningMappers -= 1
      return runningMappers == 0
    }) {
      results.close()
    }
  }

  /// Stops the reader and the mappers, and lets them finish.
  private func stop() {
    lock.withLock { cancelled = true }
    work.close()
    results.close()
    for _ in 0..<16 { inFlight.signal() }
    finished.wait()
  }

  private func read(setup: @Sendable ([String]) throws -> MapperFactory) {
    var sequence = 0
    var takenBytes = 0
    var taken: [SourceRow] = []
    var free: [SourceRow] = []
    var signalled = false
    func nextFree() -> SourceRow {
      if free.isEmpty, let recycled = spare.tryPop() { free = recycled }
      return free.popLast() ?? SourceRow(encoding: encoding)
    }
    do {
      try reader.read(
        header: { labels in
          let makeMapper = try setup(labels)
          lock.withLock { self.makeMapper = makeMapper }
          signalled = true
          setupReady.signal()
        },
        row: { row in
          let slot = nextFree()
          slot.exchange(with: row)
          taken.append(slot)
          takenBytes += slot.storedBytes
          if taken.count == blockSize || takenBytes >= blockBytes {
            try handOver(RowBlock(sequence: sequence, rows: taken))
            sequence += 1
            taken = []
            takenBytes = 0
            taken.reserveCapacity(blockSize)
          }
        })
      if !taken.isEmpty { try handOver(RowBlock(sequence: sequence, rows: taken)) }
    } catch is CancellationError {
    } catch {
      lock.withLock { readFailure = error }
    }
    work.close()
    if !signalled { setupReady.signal() }
  }

  private func handOver(_ block: RowBlock) throws {
    inFlight.wait()
    guard !lock.withLock({ cancelled }), work.push(block) else { throw CancellationError() }
  }

  private func map(with mapper: Mapper, index: Int, regroup: Regrouper?) {
    defer {
      // Blocks consumed after this thread ended are freed where they were consumed.
      consumed[index].close()
      freeConsumed(by: index)
    }
    while let block = work.pop() {
      // Freed here, where they were made.
      freeConsumed(by: index)
      var prepared: [Prepared] = []
      prepared.reserveCapacity(block.rows.count)
      for row in block.rows { prepared.append(mapper(row)) }
      regroup?(&prepared)
      spare.tryPush(block.rows.filter { $0.capacityBytes <= largeRow })
      guard results.push((block.sequence, index, consume prepared)) else { return }
    }
  }

  /// Frees the blocks mapping thread `index` made and the consuming thread is done
  /// with, each one no longer in flight once freed.
  private func freeConsumed(by index: Int) {
    while let block = consumed[index].tryPop() {
      _ = consume block
      inFlight.signal()
    }
  }
}
