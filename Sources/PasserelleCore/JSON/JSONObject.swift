/// Builds one JSON object (`{"key": value, …}` on one line) straight from field
/// bytes: text columns are transcoded and escaped in one pass, without making a
/// `String` of each value first. Keys are ASCII.
///
/// An object stays open until `close()`: members decided after its content was
/// fingerprinted (SM ids, the admin as rep) are added through the same API, and
/// `Digest.upsert` hashes an open object as it will be closed.
package struct JSONObject {
  /// The opening brace and the members so far; the closing brace comes with `close()`.
  private(set) var bytes: [UInt8]
  private var isEmpty = true

  package init(capacity: Int = 2048) {
    bytes = []
    bytes.reserveCapacity(capacity)
    bytes.append(UInt8(ascii: "{"))
  }

  private init(absent: Void) { bytes = [] }

  /// No object: the data of a record that has none (rejected, or recognised as
  /// unchanged and not mapped). Allocates nothing.
  package static var absent: JSONObject { JSONObject(absent: ()) }

  /// True for `.absent`: not even an opening brace.
  package var isAbsent: Bool { bytes.isEmpty }

  // Bytes are appended one by one: array literals here would allocate on every field.
  private mutating func key(_ name: StaticString) {
    separate()
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    endKey()
  }

  private mutating func key(_ name: String) {
    separate()
    bytes.append(contentsOf: name.utf8)
    endKey()
  }

  /// The comma before every member but the first, and the key's opening quote.
  private mutating func separate() {
    if isEmpty {
      isEmpty = false
    } else {
      bytes.append(UInt8(ascii: ","))
      bytes.append(0x20)
    }
    bytes.append(0x22)
  }

  private mutating func endKey() {
    bytes.append(0x22)
    bytes.append(UInt8(ascii: ":"))
    bytes.append(0x20)
  }

  /// An integer member whose name is known only at run time (the SM field a
  /// reference fills, such as `accountId`).
  package mutating func integer(named name: String, _ value: Int) {
    assert(!isAbsent, "an absent object takes no members")
    key(name)
    bytes.append(contentsOf: String(value).utf8)
  }

  /// The same object with its first member, `name`, holding `new` instead of
  /// `old`; nil when the object does not start with that member and value.
  package func replacingFirstMember(_ name: StaticString, _ old: String, with new: String)
    -> JSONObject?
  {
    var expected = JSONObject(capacity: 64)
    expected.string(name, old)
    guard bytes.starts(with: expected.bytes) else { return nil }
    var replaced = JSONObject(capacity: bytes.count + 16)
    replaced.string(name, new)
    replaced.bytes.append(contentsOf: bytes[expected.bytes.count...])
    return replaced
  }

  package mutating func string(_ name: StaticString, _ value: String) {
    key(name)
    JSONText.append(value, to: &bytes)
  }

  /// A text value given as raw bytes of the file's encoding. (Not variadic: a
  /// variadic call allocates its array, and this runs for most values of a row.)
  package mutating func text(
    _ name: StaticString, _ value: UnsafeRawBufferPointer, encoding: TextEncoding
  ) {
    key(name)
    bytes.append(0x22)
    JSONText.appendEscaped(value, encoding, to: &bytes)
    bytes.append(0x22)
  }

  /// Two text values joined by `separator`, or whichever is not empty.
  package mutating func text(
    _ name: StaticString, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer,
    separator: StaticString = ", ", encoding: TextEncoding
  ) {
    key(name)
    bytes.append(0x22)
    JSONText.appendEscaped(first, encoding, to: &bytes)
    if !first.isEmpty && !second.isEmpty {
      separator.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
    JSONText.appendEscaped(second, encoding, to: &bytes)
    bytes.append(0x22)
  }

  package mutating func integer(_ name: StaticString, _ value: Int) {
    key(name)
    bytes.append(contentsOf: String(value).utf8)
  }

  package mutating func number(_ name: StaticString, _ amount: Amount) {
    key(name)
    amount.appendLiteral(to: &bytes)
  }

  /// A number already in canonical JSON form.
  package mutating func number(_ name: StaticString, literal: String) {
    key(name)
    bytes.append(contentsOf: literal.utf8)
  }

  package mutating func null(_ name: StaticString) {
    key(name)
    let literal: StaticString = "null"
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  package mutating func bool(_ name: StaticString, _ value: Bool) {
    key(name)
    let literal: StaticString = value ? "true" : "false"
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// The object as written, leaving this one open.
  package func closed() -> [UInt8] {
    var copy = self
    return copy.close()
  }

  /// The finished object.
  package mutating func close() -> [UInt8] {
    assert(!isAbsent, "an absent object is never written")
    bytes.append(UInt8(ascii: "}"))
    return bytes
  }
}
