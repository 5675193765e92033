/// Bytes appended one by one into room reserved beforehand on the stack, for the
/// short values every row rewrites (numbers, dates, phones, e-mails): an array
/// there would be allocated and freed for each value of each row.
///
/// Valid only inside `ScratchBytes.with`; appending past `capacity` stops the
/// process, as an array's out-of-range index would.
package struct ScratchBytes {
  private let base: UnsafeMutablePointer<UInt8>
  /// How many bytes fit.
  package let capacity: Int
  /// How many bytes were appended.
  package private(set) var count = 0

  private init(_ buffer: UnsafeMutableBufferPointer<UInt8>, capacity: Int) {
    base = buffer.baseAddress!
    self.capacity = capacity
  }

  /// Runs `body` with room for `capacity` bytes.
  package static func with<Result>(capacity: Int, _ body: (inout ScratchBytes) -> Result)
    -> Result
  {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(capacity, 1)) { buffer in
      var scratch = ScratchBytes(buffer, capacity: capacity)
      return body(&scratch)
    }
  }

  package mutating func append(_ byte: UInt8) {
    precondition(count < capacity, "scratch bytes full")
    base[count] = byte
    count += 1
  }

  package mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
    precondition(count + bytes.count <= capacity, "scratch bytes full")
    if let source = bytes.baseAddress {
      (base + count).update(from: source, count: bytes.count)
    }
    count += bytes.count
  }

  package mutating func append(contentsOf text: StaticString) {
    text.withUTF8Buffer { append(contentsOf: $0) }
  }

  package subscript(index: Int) -> UInt8 {
    precondition(index >= 0 && index < count, "index out of range")
    return base[index]
  }

  /// The bytes appended so far.
  package var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// The bytes appended so far, as UTF-8 text.
  package var string: String { String(decoding: bytes, as: UTF8.self) }
}
