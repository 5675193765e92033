/// The value side of a comparison.
enum WhereLiteral: Sendable, Equatable {
  case text(String)
  /// A number, with its text as written for comparing with a field that is not a number.
  case number(Double, written: String)
  case bool(Bool)
  case null

  /// How `value` orders against this literal; nil (unknown) when either is null or the
  /// value is an array or object. Numbers compare as numbers when both sides read as
  /// numbers, booleans as booleans, everything else as text.
  func order(of value: JSONValue) -> Int? {
    if case .bool(let flag) = value { return order(ofFlag: flag) }
    guard let valueText = value.text else { return nil }
    switch self {
    case .null: return nil
    case .bool(let flag):
      return ComparisonOperator.order(valueText.lowercased(), flag ? "true" : "false")
    case .number(let number, let written):
      if let valueNumber = value.numberValue {
        return ComparisonOperator.order(valueNumber, number)
      }
      return ComparisonOperator.order(valueText, written)
    case .text(let text):
      if case .string = value {
        return ComparisonOperator.order(valueText, text)
      }
      if let valueNumber = value.numberValue, let number = Double(text) {
        return ComparisonOperator.order(valueNumber, number)
      }
      return ComparisonOperator.order(valueText, text)
    }
  }

  /// A boolean field against 1/0, TRUE/FALSE or 'true'/'false'/'1'/'0'.
  private func order(ofFlag flag: Bool) -> Int? {
    let other: Bool
    switch self {
    case .null: return nil
    case .bool(let literal): other = literal
    case .number(let number, _): other = number != 0
    case .text(let text):
      switch text.lowercased() {
      case "true", "1": other = true
      case "false", "0": other = false
      default: return ComparisonOperator.order(flag ? "true" : "false", text)
      }
    }
    return ComparisonOperator.order(flag ? 1 : 0, other ? 1 : 0)
  }
}
