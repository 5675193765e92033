import Dispatch
import Foundation

/// Tells which files of a drop folder are complete, from one poll to the next: a
/// done-marker says so, or the size and time read through an open handle are
/// unchanged over `interval` seconds of our own monotonic clock (never the file's
/// times, which copies and network shares get wrong). Nothing sleeps here: the
/// service polls again when `nextCheck` says a waiting file may be complete.
///
/// A file whose content says it is unfinished (`looksWhole` false: a JSON file
/// that ends inside its array) must stay unchanged for `patience` instead: a
/// writer pausing longer than `interval` does not get half a file taken and
/// rejected. Past `patience` it is taken all the same, to be rejected with its reason.
final class CompletionTracker {
  let folder: String
  let interval: Double
  let patience: Double
  private let looksWhole: (String) -> Bool

  /// A file seen, not yet complete: how it looked, since when, how long it must wait.
  private struct Waiting {
    var observation: DropFolder.Observation
    var since: Double
    var wait: Double
    var due: Double { since + wait }
  }

  private var waiting: [String: Waiting] = [:]
  /// How each file found complete looked then, to check it again before its claim.
  private var confirmed: [String: DropFolder.Observation] = [:]

  init(
    folder: String, interval: Double, patience: Double? = nil,
    looksWhole: @escaping (String) -> Bool = { _ in true }
  ) {
    self.folder = folder
    self.interval = interval
    self.patience = max(patience ?? interval, interval)
    self.looksWhole = looksWhole
  }

  /// Seconds on a clock that only moves forward (not the wall clock).
  static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

  /// The complete files, by name; files seen changing are remembered.
  func poll(at now: Double = CompletionTracker.now()) -> [String] {
    var complete: [String] = []
    var still: [String: Waiting] = [:]
    confirmed = [:]
    for path in DropFolder.candidates(in: folder) {
      if DropFolder.isCompleteAsItIs(path) {
        complete.append(path)
        continue
      }
      guard let observation = DropFolder.observe(path) else { continue }
      if interval <= 0 && (patience <= 0 || looksWhole(path)) {
        complete.append(path)
        confirmed[path] = observation
      } else if let earlier = waiting[path], earlier.observation == observation {
        if now >= earlier.due {
          complete.append(path)
          confirmed[path] = observation
        } else {
          still[path] = earlier
        }
      } else {
        still[path] = watch(path, observation, from: now)
      }
    }
    // Complete files leave the folder when claimed; those that stay are looked at
    // afresh, so a file replaced under the same name is not taken early.
    waiting = still
    return complete.sorted()
  }

  /// Whether a file found complete is still as it was (a file waiting its turn
  /// may be rewritten meanwhile); when not, it is looked at afresh by the next poll.
  func isStillComplete(_ path: String, at now: Double = CompletionTracker.now()) -> Bool {
    if DropFolder.isCompleteAsItIs(path) { return true }
    let current = DropFolder.observe(path)
    if let earlier = confirmed[path], current == earlier { return true }
    confirmed[path] = nil
    // Waits again from this look: `nextCheck` brings the service back to it.
    if let current { waiting[path] = watch(path, current, from: now) }
    return false
  }

  /// A file seen for the first time, or changed: its wait starts now, the longer
  /// one when its content says it is unfinished.
  private func watch(_ path: String, _ observation: DropFolder.Observation, from now: Double)
    -> Waiting
  {
    let wait = patience > interval && !looksWhole(path) ? patience : interval
    return Waiting(observation: observation, since: now, wait: wait)
  }

  /// When a file seen but not yet complete may be complete; nil when none waits.
  var nextCheck: Double? { waiting.values.map(\.due).min() }

  /// When the last file waiting now may be complete, if it does not change.
  var lastCheck: Double? { waiting.values.map(\.due).max() }
}
