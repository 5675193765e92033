/// How often the emulator misbehaves, changeable while it runs.
struct FaultSettings: Sendable {
  /// Share of authenticated calls answered 429.
  var rate429 = 0.0
  /// Share of authenticated calls answered 500.
  var rate500 = 0.0
  /// Share of authenticated calls whose connection is closed without an answer.
  var rateDrop = 0.0
  /// Seconds the 429 answers' `Retry-After` header asks for.
  var retryAfter = 1
  /// Authenticated calls a token serves before it expires; 0 for never.
  var tokenCalls = 0

  /// Takes the members present in `changes`; refuses values out of range, changing nothing.
  mutating func apply(_ changes: [String: JSONValue]) throws(APIError) {
    var changed = self
    for (key, value) in changes {
      switch key {
      case "rate429": changed.rate429 = try Self.rate(value, key)
      case "rate500": changed.rate500 = try Self.rate(value, key)
      case "rateDrop": changed.rateDrop = try Self.rate(value, key)
      case "retryAfter": changed.retryAfter = try Self.count(value, key)
      case "tokenCalls": changed.tokenCalls = try Self.count(value, key)
      default: throw .badRequest("unknown fault setting \(key)")
      }
    }
    self = changed
  }

  /// The settings as `/_emulator/faults` shows them.
  var json: JSONValue {
    .object([
      "rate429": .double(rate429), "rate500": .double(rate500), "rateDrop": .double(rateDrop),
      "retryAfter": .integer(retryAfter), "tokenCalls": .integer(tokenCalls),
    ])
  }

  private static func rate(_ value: JSONValue, _ key: String) throws(APIError) -> Double {
    guard !isText(value), let rate = value.numberValue, (0...1).contains(rate) else {
      throw .badRequest("\(key) must be a number from 0 to 1")
    }
    return rate
  }

  private static func count(_ value: JSONValue, _ key: String) throws(APIError) -> Int {
    guard !isText(value), let count = value.integerValue, count >= 0 else {
      throw .badRequest("\(key) must be a whole number, 0 or more")
    }
    return count
  }

  private static func isText(_ value: JSONValue) -> Bool {
    if case .string = value { return true }
    return false
  }
}
