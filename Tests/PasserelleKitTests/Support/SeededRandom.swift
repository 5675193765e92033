import Foundation

/// Reproducible draws (SplitMix64), so that a failing sequence can be replayed.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The seed of a test's random draws: `PASSERELLE_TEST_SEED` when set (to replay a
/// failure), else `fixed` when given (a test that meets the same data every run),
/// else drawn at random. It is printed, and failure messages carry it.
enum TestSeed {
  static func draw(
    for test: String, fixed: UInt64? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> UInt64 {
    let seed =
      environment["PASSERELLE_TEST_SEED"].flatMap {
        UInt64($0.trimmingCharacters(in: .whitespaces))
      } ?? fixed ?? UInt64.random(in: 0...UInt64.max)
    print("\(test) seed: \(seed) (PASSERELLE_TEST_SEED=\(seed) replays it)")
    return seed
  }
}
