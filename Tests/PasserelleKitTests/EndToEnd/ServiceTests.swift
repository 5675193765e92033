import Foundation
import Synchronization
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleManifest
@testable import PasserelleOutput
@testable import PasserelleReading
@testable import SageToSalesManagement
@testable import SalesManagementToSage

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
    #expect(tracker.isStillComplete(path, at: 104.6))
    // Rewritten while it waited its turn: not claimed, watched again.
    try TestFiles.write("Code\tNom\r\nC00002\tRoux\r\n", to: path)
    #expect(!tracker.isStillComplete(path, at: 104.7))
    #expect(tracker.nextCheck == 106.7)
    #expect(tracker.poll(at: 106.7) == [path])
    // A done-marker needs no wait; temporary names are never taken.
    let marked = folder.file("articles.txt")
    try TestFiles.write("Code\r\n", to: marked)
    try TestFiles.write("", to: marked + ".done")
    try TestFiles.write("Code\r\n", to: folder.file("devis.txt.part"))
    #expect(tracker.poll(at: 107) == [marked])
    // A marker older than its file belongs to an earlier file of that name.
    Thread.sleep(forTimeInterval: 0.01)
    try TestFiles.write("Code\r\nART01\r\n", to: marked)
    #expect(tracker.poll(at: 108).isEmpty)
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
    waitUntil(timeout: 30, poll: 0.2) { !root.files(in: "out/archive").isEmpty }
    service.kill(SIGTERM)
    let result = service.finish()
    #expect(result.status == 0, "\(result.error)")
    #expect(root.files(in: "out/archive").count == 1)
    #expect(root.files(in: "out/rejects").isEmpty)
    let batches = result.error.split(separator: "\n").filter {
      $0.contains("clients.txt : clients")
    }
    #expect(batches.count == 1, "\(result.error)")
    #expect(batches.first?.contains("400 lignes lues, 400 envoyées") == true, "\(result.error)")
  }

  /// A file from SM written in three pieces with pauses of 1.5 s, longer than
  /// SM's stability interval: it looks unfinished until its array closes, so it
  /// is converted once, whole, instead of being rejected half-written.
  @Test func aJSONFileWrittenInPiecesIsConvertedOnceWhole() throws {
    let root = try TestFiles.scratch()
    try Layout(root: root.path).createFolders()
    try TestFiles.write(
      "[sync]\nstability_seconds = 2\nsalesmanagement_stability_seconds = 0.5\n"
        + "salesmanagement_poll_seconds = 0.2\n",
      to: root.file("passerelle.toml"))
    let service = PasserelleProcess(["run", "--root", root.path])
    try service.start()
    defer { if service.process.isRunning { service.kill(SIGKILL) } }
    let content = Array(
      try Data(
        contentsOf: URL(
          fileURLWithPath: TestFiles.repository.appendingPathComponent(
            "samples/salesmanagement/accounts-2026-11.json"
          ).path)))
    let path = root.file("watch/salesmanagement/accounts-2026-11.json")
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    let third = content.count / 3
    for (index, start) in [0, third, 2 * third].enumerated() {
      if index > 0 { Thread.sleep(forTimeInterval: 1.5) }
      handle.write(Data(content[start..<(index == 2 ? content.count : start + third)]))
    }
    try handle.close()
    waitUntil(timeout: 20, poll: 0.2) { !root.files(in: "out/archive").isEmpty }
    service.kill(SIGTERM)
    let result = service.finish()
    #expect(result.status == 0, "\(result.error)")
    #expect(root.files(in: "out/archive").count == 1)
    #expect(root.files(in: "out/rejects").filter { $0.hasSuffix(".reason.json") }.isEmpty)
    let batches = result.error.split(separator: "\n").filter {
      $0.contains("accounts-2026-11.json : ")
    }
    #expect(batches.count == 1, "\(result.error)")
    #expect(batches.first?.contains("rejeté —") == false, "\(result.error)")
  }

  /// Whether this machine lets the tests mount a small file system (root, with the
  /// privilege to mount): the only way to fill a disk for real.
  static let canMount: Bool = {
    guard let folder = try? TestFiles.scratch("mount-probe") else { return false }
    guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]) else {
      return false
    }
    return run("/bin/umount", [folder.path])
  }()

  @discardableResult
  static func run(_ tool: String, _ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  /// The whole root on a file system too small for the payload: the run stops with
  /// exit code 3, loses nothing, and the next run after space returns finishes.
  @Test(.enabled(if: canMount, "needs the privilege to mount a tmpfs"))
  func aFullDiskStopsTheRunAndTheNextRunFinishes() throws {
    let root = try TestFiles.scratch()
    // Room for a new manifest and the export, not for the payloads.
    #expect(Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1200k", "tmpfs", root.path]))
    defer { Self.run("/bin/umount", ["-l", root.path]) }
    try Layout(root: root.path).createFolders()
    // About 250 KB of export, well over a megabyte of payload.
    let export = try CustomerExportBuilder().build(count: 700)
    try Data(export).write(to: URL(fileURLWithPath: root.file("watch/sage/clients.txt")))
    for _ in 0..<4 {  // more runs than the attempts a poison file is allowed
      let full = try PasserelleProcess.run(["run", "--once", "--root", root.path])
      #expect(full.status == 3, "\(full.error)")
      #expect(full.error.contains("impossible de continuer"), "\(full.error)")
    }
    // Nothing lost: the export waits, claimed, in out/work; nothing half-written is visible.
    #expect(root.files(in: "out/work").count == 1)
    #expect(root.files(in: "out/salesmanagement").isEmpty)
    #expect(root.files(in: "out/rejects").isEmpty)
    #expect(Self.run("/bin/mount", ["-o", "remount,size=16m", root.path]))
    let after = try PasserelleProcess.run(["run", "--once", "--root", root.path])
    #expect(after.status == 0, "\(after.error)")
    #expect(
      after.error.contains("clients.txt : clients — 700 lignes lues, 700 envoyées"),
      "\(after.error)")
    #expect(root.files(in: "out/work").isEmpty)
    #expect(root.files(in: "out/archive").count == 1)
    #expect(root.files(in: "out/salesmanagement").filter { $0.hasPrefix(".") }.isEmpty)
    #expect(root.files(in: "out/salesmanagement").filter { $0.hasSuffix(".json") }.count == 2)
  }

  /// One `passerelle run` for two Sage dossiers: each its own folders, manifest,
  /// code counter and settings; a second instance on either is refused.
  @Test func oneServiceServesSeveralDossiers() throws {
    let root = try TestFiles.scratch()
    try TestFiles.write(
      """
      [dossiers]
      boulangerie = "dossiers/boulangerie"
      traiteur = "dossiers/traiteur"

      [sync]
      stability_seconds = 0
      salesmanagement_stability_seconds = 0
      sage_poll_seconds = 0.3
      """, to: root.file("passerelle.toml"))
    let initialised = try PasserelleProcess.run(["init", "--root", root.path])
    #expect(initialised.status == 0, "\(initialised.error)")
    let boulangerie = root.file("dossiers/boulangerie")
    let traiteur = root.file("dossiers/traiteur")
    // The traiteur has settings of its own: another code prefix.
    try TestFiles.write(
      """
      [sage]
      prospect_code_prefix = "TR"
      [sync]
      stability_seconds = 0
      salesmanagement_stability_seconds = 0
      """, to: traiteur + "/passerelle.toml")
    let prospect = #"[{"id": 1, "name": "Fromagerie Dumas"}]"#
    try TestFiles.write(prospect, to: boulangerie + "/watch/salesmanagement/accounts-1.json")
    try TestFiles.write(prospect, to: traiteur + "/watch/salesmanagement/accounts-1.json")
    try FileManager.default.copyItem(
      atPath: TestFiles.sample("Export des représentants.Txt"),
      toPath: boulangerie + "/watch/sage/reps.txt")

    let service = PasserelleProcess(["run", "--root", root.path])
    try service.start()
    defer { if service.process.isRunning { service.kill(SIGKILL) } }
    let archived = { (folder: String) in
      (try? FileManager.default.contentsOfDirectory(atPath: folder + "/out/archive"))?.count ?? 0
    }
    waitUntil(timeout: 30, poll: 0.1) { archived(boulangerie) >= 2 && archived(traiteur) >= 1 }
    let second = try PasserelleProcess.run(["run", "--once", "--root", traiteur])
    #expect(second.status == 3, "\(second.error)")
    service.kill(SIGTERM)
    let result = service.finish()
    #expect(result.status == 0, "\(result.error)")
    #expect(archived(boulangerie) == 2)
    #expect(archived(traiteur) == 1)
    #expect(result.error.contains("[boulangerie] reps.txt : représentants"), "\(result.error)")
    // Each dossier numbers its own prospects.
    let imports = { (folder: String) -> String in
      let files = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/out/sage")) ?? []
      return files.compactMap {
        try? String(contentsOfFile: folder + "/out/sage/" + $0, encoding: .windowsCP1252)
      }.joined()
    }
    #expect(imports(boulangerie).contains("\r\nPSM00001\t"))
    #expect(imports(traiteur).contains("\r\nTR00001\t"))
    #expect(FileManager.default.fileExists(atPath: boulangerie + "/out/manifest.sqlite"))
    #expect(FileManager.default.fileExists(atPath: traiteur + "/out/manifest.sqlite"))
    #expect(!FileManager.default.fileExists(atPath: root.file("out")))
    let status = try PasserelleProcess.run(["status", "--root", root.path, "--json"])
    let byDossier = try #require(
      try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])
    #expect(byDossier.keys.sorted() == ["boulangerie", "traiteur"])
  }

  /// Polls a minute apart, yet a file is taken within seconds: the kernel's file
  /// event wakes the service (Linux), and with events off it waits for the poll.
  @Test(arguments: [true, false])
  func aFileEventWakesTheService(events: Bool) throws {
    let root = try TestFiles.scratch("events-\(events)")
    try Layout(root: root.path).createFolders()
    try TestFiles.write(
      """
      [sync]
      sage_poll_seconds = 60
      salesmanagement_poll_seconds = 60
      salesmanagement_stability_seconds = 0.3
      watch_events = \(events)
      """, to: root.file("passerelle.toml"))
    let service = PasserelleProcess(["run", "--root", root.path])
    try service.start()
    defer { if service.process.isRunning { service.kill(SIGKILL) } }
    waitUntil(timeout: 20) {
      (try? TestFiles.read(root.file("out/.lock")))?.trimmingCharacters(
        in: .whitespacesAndNewlines) == "\(service.process.processIdentifier)"
    }
    // Past the first looks, made at start (each noted in the manifest).
    waitUntil(timeout: 20) {
      (try? StatusReport.load(from: root.file("out/manifest.sqlite")))?.lastPolls.count == 2
    }
    let dropped = Date()
    try TestFiles.write(
      #"[{"id": 1, "name": "Fromagerie Dumas"}]"#,
      to: root.file("watch/salesmanagement/accounts-1.json"))
    waitUntil(timeout: 8) { !root.files(in: "out/archive").isEmpty }
    let delay = Date().timeIntervalSince(dropped)
    service.kill(SIGTERM)
    let result = service.finish()
    #expect(result.status == 0, "\(result.error)")
    if events {
      #expect(root.files(in: "out/archive").count == 1)
      #expect(delay < 3, "taken after \(delay) s")
    } else {
      #expect(root.files(in: "out/archive").isEmpty, "taken after \(delay) s without events")
    }
  }

  @Test func aLargeFileShowsHowFarItIsThenErasesTheLine() throws {
    let folder = try TestFiles.scratch()
    let path = folder.file("clients.txt")
    let size = 5 << 20
    let written = Mutex([String]())
    let line = ProgressLine(path: path, name: "clients.txt", size: size) { text in
      written.withLock { $0.append(text) }
    }
    // Half of the first reading (the check), as `InputFile` counts it.
    ReadProgress.shared.add(size / 2, from: path)
    ReadProgress.shared.add(size, from: folder.file("another file"))
    waitUntil(timeout: 10) { !written.withLock { $0.isEmpty } }
    line.finish()
    let lines = written.withLock { $0 }
    #expect(lines.contains("\rclients.txt : 25 % de 5,0 Mo"), "\(lines)")
    #expect(lines.last == "\r\u{1B}[K")
  }
}
