/// Builds one JSON object (`{"key": value, …}` on one line) straight from field
/// bytes: text columns are transcoded and escaped in one pass, without making a
/// `String` of each value first. Keys are ASCII.
///
/// An object stays open until `close()`: members decided after its content was
/// fingerprinted (SM ids, the admin as rep) are added through the same API, and
/// `Digest.upsert` hashes an open object as it will be closed.
package struct JSONObject {
  /// The opening brace and the members so far in `storage[..<length]`; the rest is
  /// room for the next members. Each member is written in one pass through a pointer
  /// (a payload has about forty): appending its pieces one by one to an array cost
  /// more than writing the values.
  private var storage: [UInt8]
  private var length: Int
  private var isEmpty = true

  package init(capacity: Int = 2048) {
    storage = Self.room(max(capacity, 64))
    storage[0] = UInt8(ascii: "{")
    length = 1
  }

  /// `count` bytes of room, not zeroed: only `storage[..<length]` is ever read as a
  /// value, and each byte there is written first. Zeroing 2 KiB for each record took
  /// about 1 % of a first conversion's processor time.
  private static func room(_ count: Int) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
  }

  private init(absent: Void) {
    storage = []
    length = 0
  }

  /// No object: the data of a record that has none (rejected, or recognised as
  /// unchanged and not mapped). Allocates nothing.
  package static var absent: JSONObject { JSONObject(absent: ()) }

  /// True for `.absent`: not even an opening brace.
  package var isAbsent: Bool { length == 0 }

  /// The opening brace and the members so far (a copy).
  package var bytes: [UInt8] { Array(storage[..<length]) }

  /// The opening brace and the members so far, without copying them.
  package func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    storage.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[..<length])) }
  }

  /// Writes at most `count` bytes at the end; `body` returns how many it wrote.
  @inline(__always)
  private mutating func write(atMost count: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
    if length + count > storage.count { grow(toHold: length + count) }
    let start = length
    let written = storage.withUnsafeMutableBufferPointer { body($0.baseAddress! + start) }
    // A bound computed wrong would have written past the room: stop rather than go on.
    precondition(written <= count, "a JSON member wrote more than its room")
    length += written
  }

  /// Moves the members into room for `count` bytes at least (twice as much as now).
  private mutating func grow(toHold count: Int) {
    var larger = Self.room(max(count, 2 * storage.count))
    let length = length
    larger.withUnsafeMutableBytes { larger in
      storage.withUnsafeBytes { members in
        larger.baseAddress!.copyMemory(from: members.baseAddress!, byteCount: length)
      }
    }
    storage = larger
  }

  /// Writes a member: its key, then a value of at most `valueBound` bytes.
  @inline(__always)
  private mutating func member(
    _ name: UnsafeRawBufferPointer, valueBound: Int,
    _ value: (UnsafeMutablePointer<UInt8>) -> Int
  ) {
    assert(!isAbsent, "an absent object takes no members")
    let first = isEmpty
    isEmpty = false
    write(atMost: name.count + 6 + valueBound) { output in
      let keyLength = Self.writeKey(name, first: first, to: output)
      return keyLength + value(output + keyLength)
    }
  }

  @inline(__always)
  private mutating func member(
    _ name: StaticString, valueBound: Int, _ value: (UnsafeMutablePointer<UInt8>) -> Int
  ) {
    member(
      UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount),
      valueBound: valueBound, value)
  }

  /// `"name": `, after a comma and a space unless it is the first member.
  private static func writeKey(
    _ name: UnsafeRawBufferPointer, first: Bool, to output: UnsafeMutablePointer<UInt8>
  ) -> Int {
    var written = 0
    if !first {
      output[0] = UInt8(ascii: ",")
      output[1] = 0x20
      written = 2
    }
    output[written] = 0x22
    written += 1
    written += copy(name, to: output + written)
    output[written] = 0x22
    output[written + 1] = UInt8(ascii: ":")
    output[written + 2] = 0x20
    return written + 3
  }

  @inline(__always)
  private static func copy(_ bytes: UnsafeRawBufferPointer, to output: UnsafeMutablePointer<UInt8>)
    -> Int
  {
    if let base = bytes.baseAddress {
      UnsafeMutableRawPointer(output).copyMemory(from: base, byteCount: bytes.count)
    }
    return bytes.count
  }

  /// A quoted, escaped string value; `writeText` fills in between the quotes.
  @inline(__always)
  private mutating func quoted(
    _ name: StaticString, sourceCount: Int, _ writeText: (UnsafeMutablePointer<UInt8>) -> Int
  ) {
    member(name, valueBound: 2 + JSONText.escapedBound(sourceCount)) { output in
      output[0] = 0x22
      let count = writeText(output + 1)
      output[count + 1] = 0x22
      return count + 2
    }
  }

  /// A value already in JSON form (a number, `true`, `null`).
  private mutating func literal(_ name: StaticString, _ value: UnsafeRawBufferPointer) {
    member(name, valueBound: value.count) { Self.copy(value, to: $0) }
  }

  private mutating func literal(_ name: StaticString, _ value: StaticString) {
    literal(name, UnsafeRawBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount))
  }

  /// Appends through a writer of arrays (members written rarely): the room after
  /// the members is given back, then made again.
  private mutating func appendingToArray(_ body: (inout [UInt8]) -> Void) {
    storage.removeLast(storage.count - length)
    body(&storage)
    length = storage.count
    grow(toHold: length + max(64, length))
  }

  /// An integer member whose name is known only at run time (the SM field a
  /// reference fills, such as `accountId`).
  package mutating func integer(named name: String, _ value: Int) {
    var name = name
    name.withUTF8 { name in
      member(UnsafeRawBufferPointer(name), valueBound: Self.integerBound) {
        Self.writeInteger(value, to: $0)
      }
    }
  }

  /// The same object with its first member, `name`, holding `new` instead of
  /// `old`; nil when the object does not start with that member and value.
  package func replacingFirstMember(_ name: StaticString, _ old: String, with new: String)
    -> JSONObject?
  {
    var expected = JSONObject(capacity: 64)
    expected.string(name, old)
    let prefix = expected.bytes
    guard withUnsafeBytes({ $0.starts(with: prefix) }) else { return nil }
    var replaced = JSONObject(capacity: length + 16)
    replaced.string(name, new)
    withUnsafeBytes { written in
      let rest = UnsafeRawBufferPointer(rebasing: written[prefix.count...])
      replaced.write(atMost: rest.count) { Self.copy(rest, to: $0) }
    }
    return replaced
  }

  package mutating func string(_ name: StaticString, _ value: String) {
    var value = value
    value.withUTF8 { text in
      quoted(name, sourceCount: text.count) {
        JSONText.writeEscaped(UnsafeRawBufferPointer(text), .utf8, to: $0)
      }
    }
  }

  /// A text value given as raw bytes of the file's encoding. (Not variadic: a
  /// variadic call allocates its array, and this runs for most values of a row.)
  package mutating func text(
    _ name: StaticString, _ value: UnsafeRawBufferPointer, encoding: TextEncoding
  ) {
    quoted(name, sourceCount: value.count) { JSONText.writeEscaped(value, encoding, to: $0) }
  }

  /// Two text values joined by `separator`, or whichever is not empty.
  package mutating func text(
    _ name: StaticString, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer,
    separator: StaticString = ", ", encoding: TextEncoding
  ) {
    let joint =
      first.isEmpty || second.isEmpty
      ? UnsafeRawBufferPointer(start: nil, count: 0)
      : UnsafeRawBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount)
    quoted(name, sourceCount: first.count + joint.count + second.count) { output in
      var written = JSONText.writeEscaped(first, encoding, to: output)
      written += Self.copy(joint, to: output + written)
      return written + JSONText.writeEscaped(second, encoding, to: output + written)
    }
  }

  package mutating func integer(_ name: StaticString, _ value: Int) {
    member(name, valueBound: Self.integerBound) { Self.writeInteger(value, to: $0) }
  }

  /// The most bytes of an `Int` in decimal: a sign and 19 digits.
  private static let integerBound = 20

  private static func writeInteger(_ value: Int, to output: UnsafeMutablePointer<UInt8>) -> Int {
    var written = 0
    if value < 0 {
      output[0] = UInt8(ascii: "-")
      written = 1
    }
    var rest = value.magnitude
    var digits = 1
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    rest = value.magnitude
    for index in stride(from: written + digits - 1, through: written, by: -1) {
      output[index] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    }
    return written + digits
  }

  package mutating func number(_ name: StaticString, _ amount: Amount) {
    member(name, valueBound: 0) { _ in 0 }
    appendingToArray { amount.appendLiteral(to: &$0) }
  }

  /// A number already in canonical JSON form.
  package mutating func number(_ name: StaticString, literal: String) {
    var literal = literal
    literal.withUTF8 { self.literal(name, UnsafeRawBufferPointer($0)) }
  }

  package mutating func null(_ name: StaticString) {
    literal(name, "null")
  }

  package mutating func bool(_ name: StaticString, _ value: Bool) {
    literal(name, value ? "true" : "false")
  }

  /// The object as written, leaving this one open.
  package func closed() -> [UInt8] {
    assert(!isAbsent, "an absent object is never written")
    var written: [UInt8] = []
    written.reserveCapacity(length + 1)
    written.append(contentsOf: storage[..<length])
    written.append(UInt8(ascii: "}"))
    return written
  }

  /// The finished object.
  package mutating func close() -> [UInt8] {
    assert(!isAbsent, "an absent object is never written")
    storage.removeLast(storage.count - length)
    storage.append(UInt8(ascii: "}"))
    length = storage.count
    return storage
  }
}
