/// Writes JSON text with sorted keys, so that the same records always give the same bytes.
struct JSONWriter {
  private(set) var text = ""

  /// The JSON text of `value`, as UTF-8 bytes.
  static func bytes(of value: JSONValue) -> [UInt8] {
    var writer = JSONWriter()
    writer.write(value)
    return Array(writer.text.utf8)
  }

  mutating func write(_ value: JSONValue) {
    switch value {
    case .null: text += "null"
    case .bool(let flag): text += flag ? "true" : "false"
    case .integer(let number): text += String(number)
    case .double(let number): text += number.isFinite ? String(number) : "null"
    case .string(let string): writeString(string)
    case .array(let elements): writeArray(elements)
    case .object(let members): writeObject(members)
    }
  }

  private mutating func writeArray(_ elements: [JSONValue]) {
    text += "["
    for (index, element) in elements.enumerated() {
      if index > 0 { text += "," }
      write(element)
    }
    text += "]"
  }

  private mutating func writeObject(_ members: [String: JSONValue]) {
    text += "{"
    for (index, key) in members.keys.sorted().enumerated() {
      if index > 0 { text += "," }
      writeString(key)
      text += ":"
      write(members[key]!)
    }
    text += "}"
  }

  private mutating func writeString(_ string: String) {
    text += "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }
}
