/// The configuration or the command line is wrong (exit code 2 of the contract).
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
  /// What is wrong and how to put it right.
  public var message: Message

  public init(_ message: Message) { self.message = message }

  /// A mistake told by the catalogue's `key`, filled with `values`.
  public init(_ key: MessageKey, _ values: [String: MessageValue] = [:]) {
    self.init(Message(key, values))
  }

  /// French, the default language (the settings that would choose another may be
  /// the very thing that is wrong).
  public var description: String { message.description }
}
