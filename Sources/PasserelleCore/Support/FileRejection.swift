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
