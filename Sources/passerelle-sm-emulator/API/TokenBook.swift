/// The session keys handed out by login, and how many calls each has served.
struct TokenBook: Sendable {
  private var uses: [String: Int] = [:]
  private var random: SeededGenerator

  /// Tokens are drawn from their own generator, so logins do not shift the faults' draws.
  init(seed: UInt64) { random = SeededGenerator(seed: seed ^ 0x5EED_70CE_0000_0001) }

  /// A new live token.
  mutating func issue() -> String {
    let token = (0..<2).map { _ in hex(random.next()) }.joined()
    uses[token] = 0
    return token
  }

  /// Counts one call on `token` if it is live. With a limit above 0, a token that has
  /// already served `limit` calls expires instead: the call is refused.
  mutating func admit(_ token: String?, limit: Int) -> Bool {
    guard let token, let used = uses[token] else { return false }
    if limit > 0, used >= limit {
      uses[token] = nil
      return false
    }
    uses[token] = used + 1
    return true
  }

  private func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
