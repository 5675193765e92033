import Foundation

/// The line people see on a terminal while a large file is converted: how far it
/// is, rewritten in place twice a second, erased at the end. The file is read
/// twice (checked, then converted), so both readings make up the whole.
package final class ProgressLine: @unchecked Sendable {
  /// Files smaller than this finish before a line would be worth showing.
  package static let threshold = 4 << 20

  private let name: String
  private let language: ReportLanguage
  private let total: Int
  private let write: @Sendable (String) -> Void
  private let done = NSCondition()
  private var finished = false
  private var running = false

  package init(
    path: String, name: String, size: Int, language: ReportLanguage = .french,
    write: @escaping @Sendable (String) -> Void
  ) {
    self.name = name
    self.language = language
    total = max(1, 2 * size)
    self.write = write
    ReadProgress.shared.watch(path)
    // Without a thread there is no line; the conversion does not need one.
    running = (try? WorkerThread.start("progress") { [self] in run(size: size) }) != nil
  }

  private func run(size: Int) {
    let megabytes = MessageValue.decimal(DecimalText.fixed(Double(size) / 1_048_576, places: 1))
    done.lock()
    defer {
      running = false
      done.broadcast()
      done.unlock()
    }
    while !finished {
      _ = done.wait(until: Date().addingTimeInterval(0.5))
      if finished { break }
      let percent = min(99, 100 * ReadProgress.shared.read / total)
      let progress = Message(
        .progress, ["file": .text(name), "percent": .number(percent), "size": megabytes])
      write("\r" + progress.text(in: language))
    }
    write("\r\u{1B}[K")  // erase the line: the batch's own log line follows
  }

  package func finish() {
    done.lock()
    finished = true
    done.broadcast()
    while running { done.wait() }
    done.unlock()
    ReadProgress.shared.watch(nil)
  }
}
