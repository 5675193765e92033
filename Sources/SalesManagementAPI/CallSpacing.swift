/// Spaces the starts of calls evenly: at most `callsPerMinute` in any rolling minute,
/// without bursts.
actor CallSpacing {
  private let interval: Duration
  private let clock = ContinuousClock()
  private var nextStart: ContinuousClock.Instant?

  /// At most `callsPerMinute` starts a minute, one every `60 / callsPerMinute` seconds.
  init(callsPerMinute: Int) {
    interval = .seconds(60) / max(1, callsPerMinute)
  }

  /// Waits for this caller's turn. Turns are handed out in call order; a cancelled
  /// caller's turn is lost, which only slows the others.
  func waitForTurn() async throws(CancellationError) {
    let now = clock.now
    let start = max(now, nextStart ?? now)
    nextStart = start + interval
    guard start > now else { return }
    do {
      try await Task.sleep(until: start, clock: clock)
    } catch {
      throw CancellationError()
    }
  }
}
