import Foundation
import PasserelleCore

/// A file's inspection (its SHA-256, its encoding, what would make it unreadable)
/// run while the caller writes the file, on two threads of its own: one hashes,
/// one scans. On a large export each costs more than the copy, which the kernel
/// does. The threads read the file as it grows, up to what the caller says it
/// holds, so that they inspect exactly the bytes written, whatever happens to the
/// original meanwhile. Without threads (the system refused one) the caller
/// inspects the file once written.
package final class BackgroundInspector {
  /// What the inspecting thread shares with the caller.
  private final class Work: @unchecked Sendable {
    let condition = NSCondition()
    /// Guarded by `condition`: bytes the file holds, whether it is complete, and
    /// whether the inspection was abandoned (what is left is not read).
    var available = 0
    var complete = false
    var cancelled = false
    let done = DispatchSemaphore(value: 0)
    /// Touched by the inspecting thread only, until `done` is signalled.
    var reading: Reading

    init(path: String, inspector: FileInspection.Inspector) {
      reading = Reading(path: path, inspector: inspector)
    }

    /// The file holds `size` bytes, is complete, or is no longer of interest.
    func update(size: Int? = nil, complete: Bool = false, cancel: Bool = false) {
      condition.lock()
      if let size { available = size }
      self.complete = self.complete || complete || cancel
      cancelled = cancelled || cancel
      condition.signal()
      condition.unlock()
    }

    /// The inspecting thread's loop: reads what is available, until complete and read.
    func run() {
      while let target = next() {
        reading.read(upTo: target, stop: isCancelled)
      }
      done.signal()
    }

    /// Waits until the file holds more than was read; nil once complete and read.
    private func next() -> Int? {
      condition.lock()
      defer { condition.unlock() }
      while available <= reading.position && !complete { condition.wait() }
      return available > reading.position && !cancelled ? available : nil
    }

    private func isCancelled() -> Bool {
      condition.lock()
      defer { condition.unlock() }
      return cancelled
    }
  }

  /// Reads a file from its start, up to a given size, inspecting what it reads.
  private struct Reading {
    let path: String
    var inspector: FileInspection.Inspector
    var position = 0
    var failure: FileRejection? = nil
    private var file: InputFile? = nil
    private var buffer: UnsafeMutableRawBufferPointer? = nil

    init(path: String, inspector: FileInspection.Inspector = FileInspection.Inspector()) {
      self.path = path
      self.inspector = inspector
    }

    /// `stop`, asked before each block, ends the reading early (it is abandoned).
    mutating func read(upTo size: Int, stop: () -> Bool = { false }) {
      do throws(FileRejection) {
        guard failure == nil else {
          position = size
          return
        }
        let file: InputFile
        if let opened = self.file {
          file = opened
        } else {
          file = try InputFile(path: path)
          self.file = file
        }
        let buffer = self.buffer ?? .allocate(byteCount: 1 << 20, alignment: 16)
        self.buffer = buffer
        while position < size && !stop() {
          let wanted = UnsafeMutableRawBufferPointer(
            rebasing: buffer[0..<min(buffer.count, size - position)])
          let count = try file.readFully(into: wanted)
          if count == 0 {
            // Shorter than written: the system lost bytes (reported as an I/O error).
            throw FileRejection(
              .unreadableEncoding, .fileReadFailed, ["system": "\(systemMessage(EIO))"])
          }
          inspector.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
          position += count
        }
      } catch {
        failure = error
        position = size
      }
    }

    func release() { buffer?.deallocate() }
  }

  private let path: String
  /// The hashing thread's work and the scanning thread's; none without threads.
  private let works: [Work]
  /// What the file holds, as last told.
  private var size = 0
  /// Set once the inspection is read (the hash's reading first, the scan's last):
  /// a file that grows later is inspected by nobody.
  private var finished: [Reading]?

  /// Inspects the file at `path`, which the caller is writing. `threads` false has
  /// the caller inspect it once written, as when the system refuses a thread.
  package init(reading path: String, threads: Bool = true) {
    self.path = path
    var works: [Work] = []
    let halves = [FileInspection.Inspector(scans: false), FileInspection.Inspector(hashes: false)]
    for half in threads ? halves : [] {
      let work = Work(path: path, inspector: half)
      guard (try? WorkerThread.start("inspection") { work.run() }) != nil else { break }
      works.append(work)
    }
    if works.count < 2 {
      // Half an inspection is no use: the caller inspects all of it.
      for work in works { work.update(complete: true) }
      works = []
    }
    self.works = works
  }

  /// An abandoned inspection (the copy failed, the file was refused by its size)
  /// stops its threads without reading the rest.
  deinit {
    if let finished {
      for reading in finished { reading.release() }
      return
    }
    for work in works { work.update(cancel: true) }
    for work in works {
      work.done.wait()
      work.reading.release()
    }
  }

  /// The file now holds `size` bytes.
  package func grew(to size: Int) {
    precondition(finished == nil, "the file grew after the inspection was read")
    self.size = size
    for work in works { work.update(size: size) }
  }

  /// What the bytes written tell, or why the file cannot be read as text.
  package func facts(fallback: TextEncoding) throws(FileRejection) -> FileFacts {
    let readings = finished ?? readings()
    finished = readings
    for reading in readings {
      if let failure = reading.failure { throw failure }
    }
    return try readings[readings.count - 1].inspector.facts(
      fallback: fallback, hashedBy: readings[0].inspector)
  }

  private func readings() -> [Reading] {
    guard !works.isEmpty else {
      var reading = Reading(path: path)
      reading.read(upTo: size)
      return [reading]
    }
    for work in works { work.update(complete: true) }
    return works.map { work in
      work.done.wait()
      return work.reading
    }
  }
}
