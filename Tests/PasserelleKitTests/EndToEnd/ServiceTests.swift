import Foundation
import Testing

@testable import PasserelleKit

/// The service as IT runs it: `passerelle run` in its own process, real files,
/// real signals.
@Suite struct ServiceTests {
  @Test func aFileIsCompleteOnlyOnceItStaysTheSameOverTheInterval() throws {
    let folder = try TestFiles.scratch()
    let tracker = CompletionTracker(folder: folder.path, interval: 2)
    let path = folder.file("clients.txt")
    try TestFiles.write("Code\tNom\r\n", to: path)
    #expect(tracker.poll(at: 100).isEmpty)
    #expect(tracker.nextCheck == 102)
    #expect(tracker.poll(at: 101).isEmpty)
    // Still being written: the wait starts again from this look.
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data("C00001\tMuller\r\n".utf8))
    try handle.close()
    #expect(tracker.poll(at: 102.5).isEmpty)
    #expect(tracker.nextCheck == 104.5)
    #expect(tracker.poll(at: 104.4).isEmpty)
    #expect(tracker.poll(at: 104.5) == [path])
    // A done-marker needs no wait; temporary names are never taken.
    let marked = folder.file("articles.txt")
    try TestFiles.write("Code\r\n", to: marked)
    try TestFiles.write("", to: marked + ".done")
    try TestFiles.write("Code\r\n", to: folder.file("devis.txt.part"))
    #expect(tracker.poll(at: 105) == [marked])
  }

  /// A writer appends to an export over 10 seconds while the service polls: the
  /// file is converted once, whole.
  @Test func aFileWrittenSlowlyIsProcessedOnceWhole() throws {
    let root = try TestFiles.scratch()
    try Layout(root: root.path).createFolders()
    try TestFiles.write(
      "[sync]\nstability_seconds = 2\nsage_poll_seconds = 0.5\n",
      to: root.file("passerelle.toml"))
    let service = PasserelleProcess(["run", "--root", root.path])
    try service.start()
    defer { if service.process.isRunning { service.kill(SIGKILL) } }
    let builder = try CustomerExportBuilder()
    let export = builder.build(count: 400)
    let path = root.file("watch/sage/clients.txt")
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    // 20 pieces, one every half second: longer than the stability interval in all.
    let piece = export.count / 20 + 1
    for start in stride(from: 0, to: export.count, by: piece) {
      handle.write(Data(export[start..<min(start + piece, export.count)]))
      Thread.sleep(forTimeInterval: 0.5)
    }
    try handle.close()
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline && root.files(in: "out/archive").isEmpty {
      Thread.sleep(forTimeInterval: 0.2)
    }
    service.kill(SIGTERM)
    let result = service.finish()
    #expect(result.status == 0, "\(result.error)")
    #expect(root.files(in: "out/archive").count == 1)
    #expect(root.files(in: "out/rejects").isEmpty)
    let batches = result.error.split(separator: "\n").filter {
      $0.contains("clients.txt: customers")
    }
    #expect(batches.count == 1, "\(result.error)")
    #expect(batches.first?.contains("400 rows, 400 sent") == true, "\(result.error)")
  }
}
