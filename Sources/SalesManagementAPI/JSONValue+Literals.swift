extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringInterpolation,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  /// `nil` is JSON `null`.
  package init(nilLiteral: ()) { self = .null }

  /// `true` and `false`.
  package init(booleanLiteral value: Bool) { self = .bool(value) }

  /// A whole number.
  package init(integerLiteral value: Int) { self = .number(Double(value)) }

  /// A decimal number.
  package init(floatLiteral value: Double) { self = .number(value) }

  /// A string.
  package init(stringLiteral value: String) { self = .string(value) }

  /// An array.
  package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

  /// An object; a key given twice keeps its last value.
  package init(dictionaryLiteral members: (String, JSONValue)...) {
    self = .object(Dictionary(members, uniquingKeysWith: { _, last in last }))
  }
}
