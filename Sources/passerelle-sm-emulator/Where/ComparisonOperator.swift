/// `=`, `<>`, `<`, `<=`, `>`, `>=`.
enum ComparisonOperator: String, Sendable {
  case equal = "="
  case notEqual = "<>"
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="

  /// The operator a symbol writes; `!=` is read as `<>`.
  init?(symbol: String) {
    self.init(rawValue: symbol == "!=" ? "<>" : symbol)
  }

  /// Whether the operator holds for an order: negative (left first), zero or positive.
  func holds(for order: Int) -> Bool {
    switch self {
    case .equal: return order == 0
    case .notEqual: return order != 0
    case .less: return order < 0
    case .lessOrEqual: return order <= 0
    case .greater: return order > 0
    case .greaterOrEqual: return order >= 0
    }
  }

  /// The order of two comparable values.
  static func order<T: Comparable>(_ left: T, _ right: T) -> Int {
    left < right ? -1 : (left == right ? 0 : 1)
  }
}
