/// Reads a `where` filter by recursive descent. Grammar, loosest first:
///
///     disjunction := conjunction (OR conjunction)*
///     conjunction := negation (AND negation)*
///     negation    := NOT negation | '(' disjunction ')' | condition
///     condition   := field (op literal | [NOT] LIKE 'text' | IS [NOT] NULL)
struct WhereParser {
  private let tokens: [WhereToken]
  private var position = 0

  private init(tokens: [WhereToken]) { self.tokens = tokens }

  /// The filter's expression, or an error that says what is wrong and where.
  static func parse(_ filter: String) throws(WhereSyntaxError) -> WhereExpression {
    var parser = WhereParser(tokens: try WhereTokenizer.tokens(of: filter))
    guard !parser.tokens.isEmpty else { throw WhereSyntaxError("the filter is empty") }
    let expression = try parser.disjunction()
    if let extra = parser.peek {
      throw WhereSyntaxError("unexpected \(extra.shown) after a complete condition")
    }
    return expression
  }

  private var peek: WhereToken? { position < tokens.count ? tokens[position] : nil }

  private mutating func take() -> WhereToken? {
    defer { position += 1 }
    return peek
  }

  private mutating func skip(keyword: String) -> Bool {
    guard peek == .keyword(keyword) else { return false }
    position += 1
    return true
  }

  private mutating func disjunction() throws(WhereSyntaxError) -> WhereExpression {
    var expression = try conjunction()
    while skip(keyword: "OR") { expression = .or(expression, try conjunction()) }
    return expression
  }

  private mutating func conjunction() throws(WhereSyntaxError) -> WhereExpression {
    var expression = try negation()
    while skip(keyword: "AND") { expression = .and(expression, try negation()) }
    return expression
  }

  private mutating func negation() throws(WhereSyntaxError) -> WhereExpression {
    if skip(keyword: "NOT") { return .not(try negation()) }
    guard peek == .openParenthesis else { return .condition(try condition()) }
    position += 1
    let inner = try disjunction()
    guard take() == .closeParenthesis else {
      throw WhereSyntaxError("a parenthesis is opened and never closed")
    }
    return inner
  }

  private mutating func condition() throws(WhereSyntaxError) -> WhereCondition {
    let token = take()
    guard case .identifier(let name) = token else {
      throw WhereSyntaxError("expected a field name, found \(token?.shown ?? "the end")")
    }
    let field = FieldReference(name: name)
    switch take() {
    case .comparison(let symbol):
      return try comparison(field, ComparisonOperator(symbol: symbol)!, try literal())
    case .keyword("LIKE"): return .like(field, try likePattern(), negated: false)
    case .keyword("NOT") where skip(keyword: "LIKE"):
      return .like(field, try likePattern(), negated: true)
    case .keyword("IS"):
      let negated = skip(keyword: "NOT")
      guard skip(keyword: "NULL") else { throw WhereSyntaxError("IS must be followed by NULL") }
      return .isNull(field, negated: negated)
    default:
      throw WhereSyntaxError("\(name) must be followed by a comparison, LIKE or IS NULL")
    }
  }

  private func comparison(
    _ field: FieldReference, _ comparison: ComparisonOperator, _ literal: WhereLiteral
  ) throws(WhereSyntaxError) -> WhereCondition {
    guard case .date(let dateField) = field, literal != .null else {
      return .compare(field, comparison, literal)
    }
    guard case .text(let text) = literal, let time = ISOTimestamp.parse(text) else {
      throw WhereSyntaxError(
        "\(dateField.rawValue) is compared with a date in quotes, such as '2026-12-04T10:00:00Z'")
    }
    return .compareTime(dateField, comparison, time)
  }

  private mutating func literal() throws(WhereSyntaxError) -> WhereLiteral {
    switch take() {
    case .text(let text): return .text(text)
    case .number(let written):
      guard let number = Double(written) else {
        throw WhereSyntaxError("\(written) is not a number")
      }
      return .number(number, written: written)
    case .keyword("TRUE"): return .bool(true)
    case .keyword("FALSE"): return .bool(false)
    case .keyword("NULL"): return .null
    case let other?: throw WhereSyntaxError("expected a value, found \(other.shown)")
    case nil: throw WhereSyntaxError("the filter ends where a value is expected")
    }
  }

  private mutating func likePattern() throws(WhereSyntaxError) -> LikePattern {
    guard case .text(let pattern) = take() else {
      throw WhereSyntaxError("LIKE is followed by a pattern in quotes, such as 'C0%'")
    }
    return LikePattern(pattern)
  }
}
