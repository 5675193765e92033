/// What fills one named placeholder of a message: text from a file or the
/// system, a count written the way the language groups digits, or another message.
public indirect enum MessageValue: Sendable, Equatable, ExpressibleByStringInterpolation,
  ExpressibleByIntegerLiteral
{
  case text(String)
  case number(Int)
  /// A decimal written with a point (`359.36`): French reads `359,36`.
  case decimal(String)
  case message(Message)

  public init(stringLiteral value: String) { self = .text(value) }
  public init(stringInterpolation: DefaultStringInterpolation) {
    self = .text(String(stringInterpolation: stringInterpolation))
  }
  public init(integerLiteral value: Int) { self = .number(value) }

  /// The value as the reader of `language` expects it.
  func text(in language: ReportLanguage) -> String {
    switch self {
    case .text(let text): text
    case .number(let number): Self.grouped(number, in: language)
    case .decimal(let literal):
      language == .french ? literal.replacingOccurrences(of: ".", with: ",") : literal
    case .message(let message): message.text(in: language)
    }
  }

  /// `10 000 000` in French (no-break spaces), `10,000,000` in English.
  static func grouped(_ number: Int, in language: ReportLanguage) -> String {
    let digits = String(number.magnitude)
    guard digits.count > 4 else { return String(number) }
    let separator: Character = language == .french ? "\u{00A0}" : ","
    var result = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(separator) }
      result.append(digit)
    }
    return number < 0 ? "-" + result : result
  }
}

extension MessageValue {
  /// A setting's amount: whole (`86400`, grouped as counts are) or with its decimals
  /// (`0,5`), never `86400,0`.
  public static func amount(_ value: Double) -> MessageValue {
    if value == value.rounded(), value.magnitude < 1e15 { return .number(Int(value)) }
    return .decimal("\(value)")
  }

  /// An error as people read it: Passerelle's own errors in the reader's language,
  /// any other as the library that threw it wrote it.
  public static func error(_ error: any Error) -> MessageValue {
    switch error {
    case let rejection as FileRejection: .message(rejection.message)
    case let failure as EnvironmentFailure: .message(failure.fullMessage)
    case let mistake as ConfigurationError: .message(mistake.message)
    default: .text("\(error)")
    }
  }
}
