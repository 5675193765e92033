/// The run cannot go on at all (exit code 3 of the contract): the out folder is
/// locked, not writable, or the manifest is unreadable. Inputs stay where they are.
public struct EnvironmentFailure: Error, Sendable, CustomStringConvertible {
  public var message: String
  public var path: String?

  public init(_ message: String, path: String? = nil) {
    self.message = message
    self.path = path
  }

  public var description: String { path.map { "\(message): \($0)" } ?? message }
}
