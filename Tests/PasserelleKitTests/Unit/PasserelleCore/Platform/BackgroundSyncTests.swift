import Foundation
import Testing

@testable import PasserelleCore

/// A file synced in the background is durable once `wait` returns, as often as it is
/// asked; a file that cannot be synced says so at the wait, naming the file.
@Suite struct BackgroundSyncTests {
  @Test func waitReturnsOnceTheFileIsSyncedAndAgainAfter() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("copy.txt")
    try Data(repeating: 0x41, count: 1 << 20).write(to: URL(fileURLWithPath: path))
    let sync = BackgroundSync(path)
    try sync.wait()
    try sync.wait()
  }

  @Test func aFileThatCannotBeSyncedFailsTheWait() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("gone.txt")
    let sync = BackgroundSync(path)
    let failure = try #require(throws: EnvironmentFailure.self) { try sync.wait() }
    #expect(failure.message.key == .cannotSyncFile)
    #expect(failure.path == path)
    // The failure stays: a second wait throws it again.
    #expect(throws: EnvironmentFailure.self) { try sync.wait() }
  }

  /// A descriptor that cannot be synced fails the wait too, naming the file given;
  /// once the sync is over, it says so.
  @Test func aDescriptorThatCannotBeSyncedFailsTheWait() throws {
    let sync = BackgroundSync(descriptor: -1, path: "payload.json")
    let failure = try #require(throws: EnvironmentFailure.self) { try sync.wait() }
    #expect(failure.message.key == .cannotSyncFile)
    #expect(failure.path == "payload.json")
    #expect(sync.isFinished)
  }
}
