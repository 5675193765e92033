/// One test on one field.
enum WhereCondition: Sendable {
  /// A field against a literal.
  case compare(FieldReference, ComparisonOperator, WhereLiteral)
  /// A date field against a time, in seconds since 1970.
  case compareTime(DateField, ComparisonOperator, Double)
  /// `LIKE` (or `NOT LIKE`) on the field's text.
  case like(FieldReference, LikePattern, negated: Bool)
  /// `IS NULL` (or `IS NOT NULL`).
  case isNull(FieldReference, negated: Bool)

  /// True, false, or nil when the field is null (unknown).
  func evaluate(_ record: StoredRecord) -> Bool? {
    switch self {
    case .compare(let field, let comparison, let literal):
      return literal.order(of: field.value(in: record)).map(comparison.holds(for:))
    case .compareTime(let field, let comparison, let time):
      return record.time(of: field).map {
        comparison.holds(for: ComparisonOperator.order($0, time))
      }
    case .like(let field, let pattern, let negated):
      return field.value(in: record).text.map { pattern.matches($0) != negated }
    case .isNull(let field, let negated):
      let isNull: Bool
      switch field.value(in: record) {
      case .null: isNull = true
      default: isNull = false
      }
      return isNull != negated
    }
  }
}
