/// One word of a `where` filter.
enum WhereToken: Equatable, Sendable {
  /// A field name.
  case identifier(String)
  /// A keyword (AND, OR, NOT, LIKE, IS, NULL, TRUE, FALSE), upper-cased.
  case keyword(String)
  /// A single-quoted value, with its doubled quotes undone.
  case text(String)
  /// An unquoted number, as written.
  case number(String)
  /// `=`, `<>`, `!=`, `<`, `<=`, `>`, `>=`.
  case comparison(String)
  case openParenthesis
  case closeParenthesis

  /// The words a filter treats as keywords, in any case.
  static let keywords: Set<String> = ["AND", "OR", "NOT", "LIKE", "IS", "NULL", "TRUE", "FALSE"]

  /// How an error message shows the token.
  var shown: String {
    switch self {
    case .identifier(let name): return name
    case .keyword(let word): return word
    case .text(let value): return "'\(value)'"
    case .number(let digits): return digits
    case .comparison(let symbol): return symbol
    case .openParenthesis: return "("
    case .closeParenthesis: return ")"
    }
  }
}
