import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleReading

/// The pipeline hands rows over in file order, and frees each consumed block on the
/// mapping thread that made it; a consumed block counts as in flight until freed.
@Suite struct RowPipelineTests {
  #if os(Linux)
    /// A mapped row that notes, when freed, the name of the thread freeing it.
    final class Witness: @unchecked Sendable {
      let line: Int
      let frees: FreeingThreads

      init(line: Int, frees: FreeingThreads) {
        self.line = line
        self.frees = frees
        frees.noteMade()
      }

      deinit { frees.note() }
    }

    /// How many witnesses each thread freed, by thread name.
    final class FreeingThreads: @unchecked Sendable {
      private let lock = NSLock()
      private var counts: [String: Int] = [:]
      private var live = 0
      private var mostLive = 0

      func noteMade() {
        lock.withLock {
          live += 1
          mostLive = max(mostLive, live)
        }
      }

      /// The kernel's name of the calling thread (WorkerThread names its threads).
      func note() {
        let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "?"
        let thread = name.trimmingCharacters(in: .newlines)
        lock.withLock {
          counts[thread, default: 0] += 1
          live -= 1
        }
      }

      var byThread: [String: Int] { lock.withLock { counts } }
      /// The most rows mapped and not yet freed at any one time.
      var mostAlive: Int { lock.withLock { mostLive } }
    }

    @Test func consumedRowsAreFreedByTheMappingThreadsInFileOrder() throws {
      let scratch = try TestFiles.scratch()
      let rows = 20_000
      let path = scratch.file("rows.txt")
      try TestFiles.write(
        "Code\tNom\r\n" + (1...rows).map { "C\($0)\tNom \($0)\r\n" }.joined(), to: path)
      let facts = try FileInspection.inspect(path: path, limits: ReadLimits())
      let frees = FreeingThreads()
      var consumedLines: [Int] = []
      do {
        let pipeline = RowPipeline<Witness>(
          ExportReader(path: path, facts: facts, limits: ReadLimits()))
        try pipeline.run(
          setup: { _ in { { row in Witness(line: row.line, frees: frees) } } },
          // As in a conversion, the consuming thread is the slow one.
          consume: { block in
            consumedLines += block.map(\.line)
            Thread.sleep(forTimeInterval: 0.001)
          })
      }
      #expect(consumedLines == Array(2...rows + 1))
      // The pipeline's last reference may go with a thread's end, just after `run`.
      #expect(waitUntil(timeout: 10) { frees.byThread.values.reduce(0, +) == rows })
      let byThread = frees.byThread
      // The consuming thread frees what a mapping thread left when it ended, and
      // the blocks that found its queue full (a mapping thread ahead by several):
      // about a fifth here, on an idle machine; the bound leaves room for a busy one.
      // Freed where consumed, none was freed on a mapping thread.
      #expect(byThread["mapper", default: 0] >= rows / 4, "\(byThread)")
      // Blocks of 128 rows, at most 8 read and not yet freed: those waiting for
      // their mapping thread count too, so memory stays within the usual bound.
      #expect(frees.mostAlive <= 8 * 128, "\(frees.mostAlive)")
    }
  #endif
}
