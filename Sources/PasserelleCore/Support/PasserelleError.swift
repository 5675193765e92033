/// A whole file cannot be converted. Carries the contract's reason code and,
/// where it helps IT find the spot, the line and field.
public struct FileRejection: Error, Sendable, Equatable, CustomStringConvertible {
  public var code: ReasonCode
  public var message: String
  public var line: Int?
  public var field: String?

  public init(_ code: ReasonCode, _ message: String, line: Int? = nil, field: String? = nil) {
    self.code = code
    self.message = message
    self.line = line
    self.field = field
  }

  public var description: String {
    var text = "\(code.rawValue): \(message)"
    if let line { text += " (line \(line)" + (field.map { ", field \($0)" } ?? "") + ")" }
    return text
  }
}

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

/// The configuration or the command line is wrong (exit code 2 of the contract).
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
