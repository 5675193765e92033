import Foundation

extension JSONValue: Codable {
  /// Reads any JSON value; numbers become `Double` (SM's ids stay well below 2^53).
  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let text = try? container.decode(String.self) {
      self = .string(text)
    } else if let elements = try? container.decode([JSONValue].self) {
      self = .array(elements)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// Writes the natural JSON form: whole numbers without a fraction (`189`), others in
  /// their shortest form (`8.95`).
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value): try Self.encode(number: value, in: &container)
    case .string(let text): try container.encode(text)
    case .array(let elements): try container.encode(elements)
    case .object(let members): try container.encode(members)
    }
  }

  /// Whole numbers that a `Double` holds exactly go out as integers: SM expects `189`.
  private static func encode(
    number: Double, in container: inout any SingleValueEncodingContainer
  ) throws {
    let exactLimit = 9_007_199_254_740_992.0  // 2^53: above, a Double skips integers
    if number.rounded() == number, abs(number) <= exactLimit {
      try container.encode(Int64(number))
    } else {
      try container.encode(number)
    }
  }
}

extension JSONValue {
  // One of each, made once: delivery and pull decode every operation and record.
  private static let decoder = JSONDecoder()
  private static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  /// Decodes a JSON document.
  package init(jsonBytes: some Collection<UInt8>) throws {
    self = try Self.decoder.decode(JSONValue.self, from: Data(jsonBytes))
  }

  /// The value as compact JSON text with sorted keys, so that equal values give equal bytes.
  package func jsonData() throws -> Data {
    try Self.encoder.encode(self)
  }
}
