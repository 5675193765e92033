import Foundation
import Testing

@testable import PasserelleCore

/// A file written behind (its buffers written on a thread of their own) holds the
/// same bytes as one written in place, and a failed write still stops its writer.
@Suite struct OutputFileTests {
  /// Writes of every size, from one byte to more than a buffer, in a seeded order.
  private func pieces() -> [[UInt8]] {
    var random = SeededGenerator(seed: 20_261_205)
    return (0..<3_000).map { index in
      let size = index % 97 == 0 ? 300_000 : Int.random(in: 1...700, using: &random)
      return (0..<size).map { UInt8(truncatingIfNeeded: index &+ $0) }
    }
  }

  @Test func aFileWrittenBehindHoldsWhatWasWritten() throws {
    let scratch = try TestFiles.scratch()
    var expected: [UInt8] = []
    for (name, behind) in [("in-place", false), ("behind", true)] {
      let output = try OutputFile(path: scratch.file(name))
      if behind { try output.writeBehind() }
      var written: [UInt8] = []
      for piece in pieces() {
        try output.write(piece)
        written += piece
      }
      try output.close()
      expected = behind ? expected : written
      #expect(written.count > 2_000_000)
      #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.file(name))) == Data(expected))
    }
  }

  /// A file written behind is synced early, part by part, while it is still written:
  /// past many of those parts, it still holds exactly what was written.
  @Test func aFileSyncedEarlyHoldsWhatWasWritten() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("synced-early")
    let output = try OutputFile(path: path)
    try output.writeBehind(syncStep: 4_096)
    var written: [UInt8] = []
    for piece in pieces() {
      try output.write(piece)
      written += piece
    }
    try output.close()
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(written))
  }

  /// `/dev/null` takes every write and refuses every sync: an early sync's failure
  /// comes out of a later write, or of `close` even when `close` itself does not
  /// sync (which of the two depends on when the sync's thread finishes), naming the
  /// file, and never passes for success.
  @Test func aFailedEarlySyncComesOutOfALaterWriteOrClose() throws {
    let output = try OutputFile(path: "/dev/null")
    try output.writeBehind(syncStep: 1_024)
    let failure = try #require(throws: EnvironmentFailure.self) {
      for piece in pieces().prefix(200) { try output.write(piece) }
      try output.close(syncing: false)
    }
    #expect(failure.message.key == .cannotSyncFile)
    #expect(failure.path == "/dev/null")
  }

  /// `/dev/full` refuses every write: the failure written behind comes out of a
  /// later write or of `close`, naming the file, and never passes for success.
  @Test func aFailureWrittenBehindReachesTheWriter() throws {
    let output = try OutputFile(path: "/dev/full")
    try output.writeBehind()
    var failure: EnvironmentFailure? = nil
    do {
      for piece in pieces() { try output.write(piece) }
      try output.close()
    } catch let error as EnvironmentFailure {
      failure = error
    }
    #expect(failure?.message.key == .cannotWriteFile)
    #expect(failure?.path == "/dev/full")
  }

  /// The last buffer, handed over by `close` alone, fails there too.
  @Test func aFailureOfTheLastBufferComesOutOfClose() throws {
    let output = try OutputFile(path: "/dev/full")
    try output.writeBehind()
    try output.write(Array(repeating: 0x41, count: 1_000))
    #expect(throws: EnvironmentFailure.self) { try output.close() }
  }

  /// A file dropped without `close` (its batch failed) lets its writing thread end.
  @Test func aFileDroppedUnclosedEndsItsThread() throws {
    let scratch = try TestFiles.scratch()
    let before = try writerThreads()
    for index in 0..<50 {
      let output = try OutputFile(path: scratch.file("dropped-\(index)"))
      try output.writeBehind()
      try output.write(Array(repeating: 0x41, count: 600_000))
    }
    // Other tests write payloads meanwhile: far fewer than fifty at a time.
    var after = try writerThreads()
    for _ in 0..<100 where after >= before + 25 {
      Thread.sleep(forTimeInterval: 0.05)
      after = try writerThreads()
    }
    #expect(after < before + 25, "\(before) writing threads before, \(after) after")
  }

  /// Threads named `writer` (`WorkerThread` names its threads).
  private func writerThreads() throws -> Int {
    let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")
    return tasks.filter { task in
      let name = try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)
      return name?.trimmingCharacters(in: .whitespacesAndNewlines) == "writer"
    }.count
  }
}
