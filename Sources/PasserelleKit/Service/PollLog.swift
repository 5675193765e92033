import Foundation
import PasserelleManifest

/// Notes in the manifest when each drop folder was looked at, for `passerelle
/// status`: every look that found files, else once a minute, so that an idle
/// service does not write to disk every second.
final class PollLog {
  private var lastWritten: [SourceFolder: Double] = [:]

  func note(_ folder: SourceFolder, complete: Int, processor: BatchProcessor, at date: Date) {
    let now = CompletionTracker.now()
    if complete == 0, let last = lastWritten[folder], now - last < 60 { return }
    lastWritten[folder] = now
    do {
      try processor.manifest.recordPoll(folder: folder, at: date, complete: complete)
    } catch {
      processor.logger.warning(
        "\(processor.say(.pollNotNoted, ["folder": .text(folder.rawValue), "error": .failure(error)]))"
      )
    }
  }
}
