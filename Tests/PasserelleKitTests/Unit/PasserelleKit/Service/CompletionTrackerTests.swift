import Foundation
import Testing

@testable import PasserelleKit
@testable import PasserelleReading

/// A file from SM whose content is unfinished waits the longer patience, however
/// long it stays unchanged within it; a whole one only the usual interval.
@Suite struct CompletionTrackerTests {
  @Test func anUnfinishedJSONFileWaitsThePatience() throws {
    let folder = try TestFiles.scratch()
    let tracker = CompletionTracker(
      folder: folder.path, interval: 0.5, patience: 2, looksWhole: JSONCompleteness.isWhole)
    let unfinished = folder.file("accounts-1.json")
    let whole = folder.file("accounts-2.json")
    try TestFiles.write(#"[{"id": 1, "name": "Boula"#, to: unfinished)
    try TestFiles.write(#"[{"id": 2, "name": "Lefort"}]"#, to: whole)
    #expect(tracker.poll(at: 100).isEmpty)
    #expect(tracker.nextCheck == 100.5)
    #expect(tracker.lastCheck == 102)
    #expect(tracker.poll(at: 100.5) == [whole])
    #expect(tracker.poll(at: 101.9).isEmpty)
    // Finished by its writer: from then on, the usual interval.
    try TestFiles.write(#"[{"id": 1, "name": "Boulangerie"}]"#, to: unfinished)
    #expect(tracker.poll(at: 102).filter { $0 == unfinished }.isEmpty)
    #expect(tracker.poll(at: 102.5).contains(unfinished))
  }

  @Test func anUnfinishedFileIsTakenOnceThePatienceHasPassed() throws {
    let folder = try TestFiles.scratch()
    let tracker = CompletionTracker(
      folder: folder.path, interval: 0, patience: 2, looksWhole: JSONCompleteness.isWhole)
    let truncated = folder.file("contacts-1.json")
    try TestFiles.write(#"[{"id": 1"#, to: truncated)
    #expect(tracker.poll(at: 10).isEmpty)
    #expect(tracker.poll(at: 11.9).isEmpty)
    #expect(tracker.poll(at: 12) == [truncated])
  }
}
