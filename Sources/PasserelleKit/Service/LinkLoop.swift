import Foundation
import Logging
import PasserelleCore

/// The service's side of SM's API for one root, beside its drop folders: pulls
/// SM's changes every `poll_seconds`, and delivers right after a batch commits
/// (else every `poll_seconds` while something waits). SM out of reach is logged
/// and tried again at the next turn; conversion never waits for it.
final class LinkLoop: @unchecked Sendable {
  private let link: SalesManagementLink
  private let pollSeconds: Double
  private let logger: Logger
  private let pulled: @Sendable () -> Void
  private let state = NSLock()
  private var stopping = false
  private var nudged = true
  private var task: Task<Void, Never>?

  /// - Parameter pulled: called when a pull wrote files, to wake the drop folders.
  init(
    link: SalesManagementLink, pollSeconds: Double, logger: Logger,
    pulled: @escaping @Sendable () -> Void
  ) {
    self.link = link
    self.pollSeconds = pollSeconds
    self.logger = logger
    self.pulled = pulled
  }

  func start() { task = Task { await self.loop() } }

  /// A batch committed: deliver now.
  func nudge() { state.withLock { nudged = true } }

  /// Ends the loop after the call in hand, and closes the connection.
  func finish() {
    state.withLock { stopping = true }
    let task = self.task
    _ = try? blocking {
      await task?.value
      await self.link.close()
    }
  }

  private var isStopping: Bool { state.withLock { stopping } }

  private func takeNudge() -> Bool {
    state.withLock {
      defer { nudged = false }
      return nudged
    }
  }

  private func loop() async {
    var nextPull = 0.0
    var nextPush = 0.0
    while !isStopping {
      let now = CompletionTracker.now()
      if now >= nextPull {
        nextPull = now + pollSeconds
        await pullOnce()
      }
      if takeNudge() || now >= nextPush {
        nextPush = now + pollSeconds
        await pushIfWaiting()
      }
      try? await Task.sleep(for: .milliseconds(200))
    }
  }

  private func pullOnce() async {
    do {
      let report = try await link.pull()
      if !report.files.isEmpty {
        logger.info("\(report.summary(in: link.language))")
        pulled()
      }
    } catch {
      logger.error("\(Message(.pullFailed, ["error": .failure(error)]).text(in: link.language))")
    }
  }

  private func pushIfWaiting() async {
    do {
      guard try link.hasWaiting() else { return }
      let report = try await link.push()
      if report.delivered + report.refused > 0 {
        logger.info("\(report.summary(in: link.language))")
      }
    } catch {
      logger.error("\(Message(.pushFailed, ["error": .failure(error)]).text(in: link.language))")
    }
  }
}
