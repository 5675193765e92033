/// A whole file cannot be converted. Carries the contract's reason code, what
/// happened as a catalogue message and, where it helps IT find the spot, the line
/// and field.
public struct FileRejection: Error, Sendable, Equatable, CustomStringConvertible {
  public var code: ReasonCode
  public var message: Message
  public var line: Int?
  public var field: String?

  public init(_ code: ReasonCode, _ message: Message, line: Int? = nil, field: String? = nil) {
    self.code = code
    self.message = message
    self.line = line
    self.field = field
  }

  /// A rejection told by the catalogue's `key`, filled with `values`.
  public init(
    _ code: ReasonCode, _ key: MessageKey, _ values: [String: MessageValue] = [:],
    line: Int? = nil, field: String? = nil
  ) {
    self.init(code, Message(key, values), line: line, field: field)
  }

  /// The message in `language`, followed by where in the file.
  public func text(in language: ReportLanguage) -> String {
    let text = message.text(in: language)
    guard let line else { return text }
    let place =
      field.map { Message(.placeLineField, ["line": .number(line), "field": .text($0)]) }
      ?? Message(.placeLine, ["line": .number(line)])
    let spot = " (" + place.text(in: language) + ")"
    // The place goes inside the sentence, before its full stop.
    return text.hasSuffix(".") ? text.dropLast() + spot + "." : text + spot
  }

  /// The code, then the French text.
  public var description: String { "\(code.rawValue): \(text(in: .french))" }
}
