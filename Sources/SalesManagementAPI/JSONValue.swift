/// A JSON value as SM's API sends and takes it.
package enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// The member named `key` of an object; nil for a missing key or a value that is no object.
  package subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members[key]
  }

  /// The element at `index` of an array; nil out of range or for a value that is no array.
  package subscript(index: Int) -> JSONValue? {
    guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
    return elements[index]
  }

  /// The number as an integer, when it is one exactly (`189`, not `8.95`).
  package var int: Int? {
    guard case .number(let value) = self, let integer = Int(exactly: value) else { return nil }
    return integer
  }

  /// The number as a `Double`.
  package var double: Double? {
    guard case .number(let value) = self else { return nil }
    return value
  }

  /// The string's text.
  package var string: String? {
    guard case .string(let text) = self else { return nil }
    return text
  }

  /// The Boolean's value.
  package var bool: Bool? {
    guard case .bool(let value) = self else { return nil }
    return value
  }

  /// The array's elements.
  package var array: [JSONValue]? {
    guard case .array(let elements) = self else { return nil }
    return elements
  }

  /// The object's members.
  package var object: [String: JSONValue]? {
    guard case .object(let members) = self else { return nil }
    return members
  }

  /// Whether the value is JSON `null`.
  package var isNull: Bool { self == .null }
}
