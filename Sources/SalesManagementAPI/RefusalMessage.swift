import Foundation

/// Reads SM's error answers: `{"message": …}` (or `Message`), and the field a message names.
enum RefusalMessage {
  /// Longest message kept from a body that is not SM's JSON error.
  private static let rawTextLimit = 200

  /// The message of an error answer's body; the HTTP status when the body says nothing.
  static func message(in body: [UInt8], status: Int) -> String {
    if let json = try? JSONValue(jsonBytes: body) {
      for key in ["message", "Message", "error", "Error"] {
        if let text = json[key]?.string, !text.isEmpty { return text }
      }
    }
    let text = String(decoding: body.prefix(rawTextLimit * 4), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty, !text.hasPrefix("{"), !text.hasPrefix("<") else { return "HTTP \(status)" }
    return String(text.prefix(rawTextLimit))
  }

  /// The field a message names: quoted (`field 'name' …`), first (`name is required`) or
  /// after the word field (`missing field name`); nil when it names none.
  static func field(in message: String) -> String? {
    if let quoted = quotedName(in: message) { return quoted }
    let words = message.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "," })
      .map(String.init)
    if let index = words.firstIndex(where: { $0.lowercased() == "field" }),
      index + 1 < words.count, isFieldName(words[index + 1])
    {
      return words[index + 1]
    }
    guard words.count >= 3, isFieldName(words[0]) else { return nil }
    let stateWords: Set = ["required", "mandatory", "missing", "invalid", "empty", "long"]
    if ["is", "are"].contains(words[1].lowercased()),
      words[2...].contains(where: { stateWords.contains($0.lowercased()) })
    {
      return words[0]
    }
    // `accountId 12 does not exist`: a reference to a record SM does not have.
    if isReferenceName(words[0]), message.hasSuffix("does not exist") { return words[0] }
    return nil
  }

  /// Whether `word` names a reference field: `accountId`, `salesRepId1`.
  private static func isReferenceName(_ word: String) -> Bool {
    word.trimmingCharacters(in: .decimalDigits).hasSuffix("Id")
  }

  /// The first name between single, double or back quotes.
  private static func quotedName(in message: String) -> String? {
    for quote in ["'", "\"", "`"] {
      let parts = message.components(separatedBy: quote)
      if parts.count >= 3, isFieldName(parts[1]) { return parts[1] }
    }
    return nil
  }

  /// Whether `word` looks like an SM key: camelCase letters, digits, `_`.
  private static func isFieldName(_ word: String) -> Bool {
    guard let first = word.unicodeScalars.first, first.properties.isAlphabetic else {
      return false
    }
    return word.unicodeScalars.allSatisfy {
      ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_"
    }
  }
}
