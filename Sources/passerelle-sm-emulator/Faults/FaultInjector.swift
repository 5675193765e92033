/// Decides each authenticated call's fault from the settings and a seeded generator.
struct FaultInjector: Sendable {
  var settings: FaultSettings
  private var random: SeededGenerator

  init(settings: FaultSettings, seed: UInt64) {
    self.settings = settings
    random = SeededGenerator(seed: seed)
  }

  /// The fault for the next call, or nil. One draw picks the fault (429 first, then 500,
  /// then drop, their rates stacked); a dropped write takes a second draw: half of them
  /// are applied before the connection closes, the answer lost.
  mutating func draw(isWrite: Bool) -> Fault? {
    guard settings.rate429 + settings.rate500 + settings.rateDrop > 0 else { return nil }
    let draw = random.unit()
    if draw < settings.rate429 { return .tooManyRequests }
    if draw < settings.rate429 + settings.rate500 { return .serverError }
    guard draw < settings.rate429 + settings.rate500 + settings.rateDrop else { return nil }
    return .drop(applyingWrite: isWrite && random.unit() < 0.5)
  }
}
