/// The configuration or the command line is wrong (exit code 2 of the contract).
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
