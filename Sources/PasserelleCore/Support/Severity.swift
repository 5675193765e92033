/// How bad a row issue is: an error keeps the row out of the payload, a warning
/// leaves out or normalises one value and lets the row through.
public enum Severity: String, Sendable, Codable {
  case error
  case warning
}
