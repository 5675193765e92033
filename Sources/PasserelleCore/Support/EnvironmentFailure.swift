/// The run cannot go on at all (exit code 3 of the contract): the out folder is
/// locked, not writable, or the manifest is unreadable. Inputs stay where they are.
public struct EnvironmentFailure: Error, Sendable, CustomStringConvertible {
  public var message: Message
  public var path: String?

  public init(_ message: Message, path: String? = nil) {
    self.message = message
    self.path = path
  }

  /// A failure told by the catalogue's `key`, filled with `values`.
  public init(_ key: MessageKey, _ values: [String: MessageValue] = [:], path: String? = nil) {
    self.init(Message(key, values), path: path)
  }

  /// The message, then the path it concerns.
  public var fullMessage: Message {
    guard let path else { return message }
    return Message(.failureAtPath, ["failure": .message(message), "path": .text(path)])
  }

  /// The message in `language`, then the path it concerns.
  public func text(in language: ReportLanguage) -> String { fullMessage.text(in: language) }

  public var description: String { text(in: .french) }
}
