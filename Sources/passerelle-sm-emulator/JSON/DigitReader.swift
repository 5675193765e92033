/// Reads the fixed-width parts of an ISO-8601 time, left to right.
struct DigitReader {
  private let characters: [Character]
  private var position = 0

  init(_ text: String) { characters = Array(text) }

  /// Whether everything has been read.
  var atEnd: Bool { position == characters.count }

  /// Passes over `character` if it comes next.
  mutating func skip(_ character: Character) -> Bool {
    guard position < characters.count, characters[position] == character else { return false }
    position += 1
    return true
  }

  /// Exactly `width` decimal digits.
  mutating func number(_ width: Int) -> Int? {
    guard position + width <= characters.count else { return nil }
    var value = 0
    for character in characters[position..<position + width] {
      guard let digit = character.wholeNumberValue, character.isASCII else { return nil }
      value = value * 10 + digit
    }
    position += width
    return value
  }

  /// `HH:MM[:SS[.fff…]]` as seconds into the day.
  mutating func timeOfDay() -> Double? {
    guard let hour = number(2), skip(":"), let minute = number(2), hour < 24, minute < 60
    else { return nil }
    var seconds = Double(hour * 3600 + minute * 60)
    guard skip(":") else { return seconds }
    guard let second = number(2), second < 61 else { return nil }
    seconds += Double(second)
    guard skip(".") || skip(",") else { return seconds }
    var scale = 0.1
    var digits = 0
    while let digit = number(1) {
      seconds += Double(digit) * scale
      scale /= 10
      digits += 1
    }
    return digits > 0 ? seconds : nil
  }

  /// `Z`, `±HH:MM`, `±HHMM` or nothing (UTC), as seconds east of UTC.
  mutating func zoneOffset() -> Double? {
    if atEnd || skip("Z") || skip("z") { return 0 }
    let sign: Double
    if skip("+") {
      sign = 1
    } else if skip("-") {
      sign = -1
    } else {
      return nil
    }
    guard let hours = number(2) else { return nil }
    _ = skip(":")
    guard let minutes = number(2) else { return nil }
    return sign * Double(hours * 3600 + minutes * 60)
  }
}
