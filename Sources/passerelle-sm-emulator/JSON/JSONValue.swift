import Foundation

/// A JSON value as a client sent it, kept as is so that any key round-trips.
enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case integer(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// The members of an object, else nil.
  var objectValue: [String: JSONValue]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// The elements of an array, else nil.
  var arrayValue: [JSONValue]? {
    if case .array(let elements) = self { return elements }
    return nil
  }

  /// An integer, also from an integral double or a string of digits (ids arrive both ways).
  var integerValue: Int? {
    switch self {
    case .integer(let value): return value
    case .double(let value): return value.rounded() == value ? Int(exactly: value) : nil
    case .string(let text): return Int(text.trimmingCharacters(in: .whitespaces))
    default: return nil
    }
  }

  /// A number, also from a string that reads as one.
  var numberValue: Double? {
    switch self {
    case .integer(let value): return Double(value)
    case .double(let value): return value
    case .string(let text): return Double(text.trimmingCharacters(in: .whitespaces))
    default: return nil
    }
  }

  /// The value as SQL would see it in a text comparison; nil for null, arrays and objects.
  var text: String? {
    switch self {
    case .string(let text): return text
    case .integer(let value): return String(value)
    case .double(let value): return String(value)
    case .bool(let value): return value ? "true" : "false"
    case .null, .array, .object: return nil
    }
  }

  /// Whether a required field counts as given: not null, not blank text.
  var isBlank: Bool {
    switch self {
    case .null: return true
    case .string(let text): return text.allSatisfy(\.isWhitespace)
    default: return false
    }
  }
}

extension JSONValue: ExpressibleByStringLiteral {
  init(stringLiteral value: String) { self = .string(value) }
}
