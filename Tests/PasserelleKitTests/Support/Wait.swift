import Foundation

/// Checks `condition` every `poll` seconds until it holds or `timeout` seconds have
/// passed, a last time at the deadline; returns whether it held. For tests that wait
/// for something another process or thread does: they go on as soon as it is done.
@discardableResult
func waitUntil(
  timeout: TimeInterval, poll: TimeInterval = 0.05, _ condition: () throws -> Bool
) rethrows -> Bool {
  let deadline = Date().addingTimeInterval(timeout)
  while true {
    if try condition() { return true }
    let left = deadline.timeIntervalSinceNow
    if left <= 0 { return false }
    Thread.sleep(forTimeInterval: min(poll, left))
  }
}
