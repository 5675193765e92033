/// Cuts a `where` filter into tokens.
struct WhereTokenizer {
  private let characters: [Character]
  private var position = 0

  init(_ filter: String) { characters = Array(filter) }

  /// Every token of the filter, in order.
  static func tokens(of filter: String) throws(WhereSyntaxError) -> [WhereToken] {
    var tokenizer = WhereTokenizer(filter)
    var tokens: [WhereToken] = []
    while let token = try tokenizer.next() { tokens.append(token) }
    return tokens
  }

  /// The next token, nil at the end.
  mutating func next() throws(WhereSyntaxError) -> WhereToken? {
    while position < characters.count, characters[position].isWhitespace { position += 1 }
    guard position < characters.count else { return nil }
    let character = characters[position]
    switch character {
    case "(":
      position += 1
      return .openParenthesis
    case ")":
      position += 1
      return .closeParenthesis
    case "'": return .text(try quoted())
    case "=", "<", ">", "!": return .comparison(try comparison())
    case _ where character.isNumber || character == "-" || character == ".": return number()
    case _ where character.isLetter || character == "_": return word()
    default: throw WhereSyntaxError("unexpected character \(character) at position \(position + 1)")
    }
  }

  private mutating func quoted() throws(WhereSyntaxError) -> String {
    let start = position
    position += 1
    var value = ""
    while position < characters.count {
      let character = characters[position]
      position += 1
      if character != "'" {
        value.append(character)
      } else if position < characters.count, characters[position] == "'" {
        value.append("'")
        position += 1
      } else {
        return value
      }
    }
    throw WhereSyntaxError("the quote opened at position \(start + 1) is never closed")
  }

  private mutating func comparison() throws(WhereSyntaxError) -> String {
    let first = characters[position]
    position += 1
    let second = position < characters.count ? characters[position] : " "
    let pair = String([first, second])
    if ["<>", "<=", ">=", "!="].contains(pair) {
      position += 1
      return pair
    }
    guard first != "!" else { throw WhereSyntaxError("! must be followed by = (or use <>)") }
    return String(first)
  }

  private mutating func number() -> WhereToken {
    let start = position
    position += 1
    while position < characters.count,
      characters[position].isNumber || characters[position] == "."
    {
      position += 1
    }
    return .number(String(characters[start..<position]))
  }

  private mutating func word() -> WhereToken {
    let start = position
    while position < characters.count,
      characters[position].isLetter || characters[position].isNumber
        || characters[position] == "_" || characters[position] == "."
    {
      position += 1
    }
    let word = String(characters[start..<position])
    let upper = word.uppercased()
    return WhereToken.keywords.contains(upper) ? .keyword(upper) : .identifier(word)
  }
}
