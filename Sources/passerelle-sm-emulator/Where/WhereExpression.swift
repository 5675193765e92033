/// A parsed `where` filter, evaluated with SQL's three-valued logic: a comparison with a
/// null field is unknown, and unknown does not match (nor does its negation).
indirect enum WhereExpression: Sendable {
  case and(WhereExpression, WhereExpression)
  case or(WhereExpression, WhereExpression)
  case not(WhereExpression)
  case condition(WhereCondition)

  /// Whether the record is listed under this filter.
  func matches(_ record: StoredRecord) -> Bool { evaluate(record) == true }

  /// True, false, or nil for unknown.
  func evaluate(_ record: StoredRecord) -> Bool? {
    switch self {
    case .and(let left, let right):
      let first = left.evaluate(record)
      if first == false { return false }
      let second = right.evaluate(record)
      if second == false { return false }
      return first == nil || second == nil ? nil : true
    case .or(let left, let right):
      let first = left.evaluate(record)
      if first == true { return true }
      let second = right.evaluate(record)
      if second == true { return true }
      return first == nil || second == nil ? nil : false
    case .not(let inner):
      return inner.evaluate(record).map { !$0 }
    case .condition(let condition):
      return condition.evaluate(record)
    }
  }
}
