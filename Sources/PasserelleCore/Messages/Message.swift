/// A text for people, kept as its catalogue key and named values until the reader's
/// language is known: a reader or mapping says what happened, the writer of the
/// report, the log or `status` says it in French or English.
public struct Message: Sendable, Equatable, CustomStringConvertible {
  /// Which situation, and so which template of the catalogue.
  public var key: MessageKey
  /// The values of the template's placeholders, by name.
  public var values: [String: MessageValue]

  /// A message of the catalogue; `values` names every placeholder of its templates.
  public init(_ key: MessageKey, _ values: [String: MessageValue] = [:]) {
    self.key = key
    self.values = values
  }

  /// Text that is already written (SM's own message, a stored reason): shown as it is.
  public static func verbatim(_ text: String) -> Message {
    Message(.verbatim, ["text": .text(text)])
  }

  /// The message in `language`. A placeholder without a value is left as `{name}`,
  /// which the catalogue's test forbids.
  public func text(in language: ReportLanguage) -> String {
    let template = MessageCatalogue.template(key).text(in: language)
    if values.isEmpty { return template }
    return MessageTemplate.fill(template) { name in values[name]?.text(in: language) }
  }

  /// French, the default language.
  public var description: String { text(in: .french) }
}
