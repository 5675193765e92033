/// Appends JSON to a byte buffer: no intermediate objects, no reflection. Used for
/// every payload, where a general-purpose encoder would dominate the run time.
package struct JSONBytes {
  package var bytes: [UInt8] = []

  package init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

  /// Lets `body` append JSON to the end of `buffer` itself, not to a buffer of
  /// its own then copied there.
  package static func appending<T>(to buffer: inout [UInt8], _ body: (inout JSONBytes) throws -> T)
    rethrows -> T
  {
    var json = JSONBytes(capacity: 0)
    swap(&json.bytes, &buffer)
    defer { swap(&json.bytes, &buffer) }
    return try body(&json)
  }

  package mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  package mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

  package mutating func raw(_ other: ArraySlice<UInt8>) { bytes.append(contentsOf: other) }

  package mutating func string(_ text: String) { JSONText.append(text, to: &bytes) }

  /// A string of raw field bytes in the file's encoding, transcoded and escaped.
  package mutating func string(_ value: UnsafeRawBufferPointer, encoding: TextEncoding) {
    bytes.append(0x22)
    JSONText.appendEscaped(value, encoding, to: &bytes)
    bytes.append(0x22)
  }

  package mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

  package mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

  /// A number already in JSON form.
  package mutating func number(_ literal: String) { bytes.append(contentsOf: literal.utf8) }

  package mutating func number(_ amount: Amount) { amount.appendLiteral(to: &bytes) }
}
