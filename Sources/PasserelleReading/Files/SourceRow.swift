import Foundation
import PasserelleCore

/// One record of an export, as raw bytes per column. A reader reuses the same
/// `SourceRow` for every record, so values must be read inside the visit that
/// receives it. Storage is raw memory grown by doubling: a field is appended on
/// every parser callback, millions of times per file.
package final class SourceRow {
  /// Physical line of the record's start in the original file (1-based).
  package internal(set) var line = 0
  package let encoding: TextEncoding
  private var bytes: UnsafeMutablePointer<UInt8>
  private var byteCount = 0
  private var byteCapacity: Int
  private var starts: UnsafeMutablePointer<Int>
  private var ends: UnsafeMutablePointer<Int>
  private var slotCapacity: Int
  /// Columns that hold a value slot (CSV: the fields read; XML: the known columns).
  package private(set) var fieldCount = 0
  /// What `touchStorage` read, kept: reads whose result went nowhere could be left out.
  private var touched: UInt8 = 0

  /// Small to start with: a pipeline keeps a couple of thousand rows alive, and
  /// each grows, once, to what the file's rows need.
  package init(encoding: TextEncoding) {
    self.encoding = encoding
    byteCapacity = 512
    bytes = .allocate(capacity: byteCapacity)
    slotCapacity = 32
    starts = .allocate(capacity: slotCapacity)
    ends = .allocate(capacity: slotCapacity)
  }

  deinit {
    bytes.deallocate()
    starts.deallocate()
    ends.deallocate()
  }

  /// Empties the row for the next record of a delimited file.
  func clear() {
    byteCount = 0
    fieldCount = 0
  }

  /// Empties the row and gives it `columns` empty slots, to be set in any order (XML).
  func clear(columns: Int) {
    clear()
    reserveSlots(columns)
    for index in 0..<columns {
      starts[index] = 0
      ends[index] = 0
    }
    fieldCount = columns
  }

  /// Adds a slot for a column discovered while reading (XML).
  func addColumn() {
    reserveSlots(fieldCount + 1)
    starts[fieldCount] = 0
    ends[fieldCount] = 0
    fieldCount += 1
  }

  @inline(__always) func appendField(_ field: UnsafeRawBufferPointer) {
    reserveSlots(fieldCount + 1)
    starts[fieldCount] = byteCount
    copy(field)
    ends[fieldCount] = byteCount
    fieldCount += 1
  }

  /// Appends the values of `content`, a line of TAB-delimited text without its line
  /// break, exactly as libcsv stores them: split at every TAB, spaces before and
  /// after each value left out. Returns false, the row as it was, when libcsv must
  /// read the line: it holds a quote, more than `maxFields` values, or only spaces
  /// (no record at all). Where libcsv's way costs a call per value, the TABs are
  /// found eight bytes at a time, and each value is copied in one piece.
  func appendTabSeparated(_ content: UnsafeRawBufferPointer, maxFields: Int) -> Bool {
    guard let input = content.baseAddress, !content.isEmpty, maxFields > 0,
      memchr(input, 0x22, content.count) == nil
    else { return false }
    // Values are copied eight bytes at a time, the last word of each reaching past
    // it, but never past where the whole line would end, values are packed.
    let needed = byteCount + content.count
    if needed > byteCapacity { growBytes(to: needed) }
    // Locals, not properties: stores through the pointers would have them read again.
    let output = bytes
    var (startsOut, endsOut, capacity) = (starts, ends, slotCapacity)
    let lastField = fieldCount + maxFields - 1
    var (written, field, valueStart, wordStart) = (byteCount, fieldCount, 0, 0)
    while true {
      var tabs = wordStart < content.count ? Self.tabs(in: Self.word(content, at: wordStart)) : 0
      let lineEnds = wordStart + 8 >= content.count
      while tabs != 0 || lineEnds {
        let end = tabs != 0 ? wordStart &+ tabs.trailingZeroBitCount &>> 3 : content.count
        if tabs != 0 && field == lastField { return false }
        tabs &= tabs &- 1
        if field == capacity {
          growSlots(to: field + 1)
          (startsOut, endsOut, capacity) = (starts, ends, slotCapacity)
        }
        startsOut[field] = written
        // Most values of an export are empty: no spaces to look for, nothing to copy.
        if end != valueStart {
          var (first, last) = (valueStart, end)
          while first < last && content[first] == 0x20 { first &+= 1 }
          while last > first && content[last &- 1] == 0x20 { last &-= 1 }
          Self.copy(content, from: first, count: last &- first, to: output + written)
          written &+= last &- first
        }
        endsOut[field] = written
        field &+= 1
        valueStart = end &+ 1
        guard end < content.count else {
          // Only spaces: libcsv gives no record.
          if field == fieldCount + 1 && written == byteCount { return false }
          (fieldCount, byteCount) = (field, written)
          return true
        }
      }
      wordStart += 8
    }
  }

  /// Copies `count` bytes of `content` from `offset` to `target`: in whole words while
  /// the content has eight bytes to read, which writes up to seven bytes past them
  /// (`target` lags the content's offset, with as much room after it).
  @inline(__always) private static func copy(
    _ content: UnsafeRawBufferPointer, from offset: Int, count: Int,
    to target: UnsafeMutablePointer<UInt8>
  ) {
    var copied = 0
    while copied < count && offset &+ copied &+ 8 <= content.count {
      let word = content.loadUnaligned(fromByteOffset: offset &+ copied, as: UInt64.self)
      UnsafeMutableRawPointer(target + copied).storeBytes(of: word, as: UInt64.self)
      copied &+= 8
    }
    while copied < count {
      target[copied] = content[offset &+ copied]
      copied &+= 1
    }
  }

  /// The eight bytes of `content` from `offset`, the missing ones past its end zero,
  /// first byte lowest.
  @inline(__always) private static func word(_ content: UnsafeRawBufferPointer, at offset: Int)
    -> UInt64
  {
    guard offset + 8 > content.count else {
      return UInt64(littleEndian: content.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    var word: UInt64 = 0
    for index in offset..<content.count {
      word |= UInt64(content[index]) << (8 * UInt64(index - offset))
    }
    return word
  }

  /// The top bit of each byte of `word` that is a TAB, and no other bit. Exact, unlike
  /// the test for any such byte: no carry crosses from one byte to the next.
  /// `ByteWord.zeroBytes` does the same, but called from this loop in another module
  /// it stayed a call, even marked inlinable: the three lines are kept here.
  @inline(__always) private static func tabs(in word: UInt64) -> UInt64 {
    let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let other = word ^ 0x0909_0909_0909_0909
    // A byte's top bit is set here when it is not zero: other than TAB in `word`.
    let nonZero = ((other & lowBits) &+ lowBits) | other
    return ~(nonZero | lowBits)
  }

  func setField(_ column: Int, _ field: UnsafeRawBufferPointer) {
    starts[column] = byteCount
    copy(field)
    ends[column] = byteCount
  }

  // Called for every value of a file: the checks stay inline, the growth (once
  // per buffer) does not.
  @inline(__always) private func copy(_ field: UnsafeRawBufferPointer) {
    let needed = byteCount + field.count
    if needed > byteCapacity { growBytes(to: needed) }
    if let base = field.baseAddress, field.count > 0 {
      (bytes + byteCount).update(from: base.assumingMemoryBound(to: UInt8.self), count: field.count)
    }
    byteCount = needed
  }

  @inline(never) private func growBytes(to needed: Int) {
    var capacity = byteCapacity * 2
    while capacity < needed { capacity *= 2 }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    grown.update(from: bytes, count: byteCount)
    bytes.deallocate()
    bytes = grown
    byteCapacity = capacity
  }

  @inline(__always) private func reserveSlots(_ count: Int) {
    if count > slotCapacity { growSlots(to: count) }
  }

  @inline(never) private func growSlots(to count: Int) {
    var capacity = slotCapacity * 2
    while capacity < count { capacity *= 2 }
    for pointer in [\SourceRow.starts, \SourceRow.ends] {
      let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
      grown.update(from: self[keyPath: pointer], count: slotCapacity)
      self[keyPath: pointer].deallocate()
      self[keyPath: pointer] = grown
    }
    slotCapacity = capacity
  }

  /// Exchanges contents with `other` without copying a byte: a reader hands a
  /// finished row to another thread and goes on with an empty one.
  package func exchange(with other: SourceRow) {
    precondition(encoding == other.encoding)
    swap(&line, &other.line)
    swap(&bytes, &other.bytes)
    swap(&byteCount, &other.byteCount)
    swap(&byteCapacity, &other.byteCapacity)
    swap(&starts, &other.starts)
    swap(&ends, &other.ends)
    swap(&slotCapacity, &other.slotCapacity)
    swap(&fieldCount, &other.fieldCount)
  }

  /// Makes this row a copy of `other` (values and line).
  func copy(_ other: SourceRow) {
    clear()
    line = other.line
    for column in 0..<other.fieldCount { appendField(other.raw(column)) }
  }

  /// Continues this row with `other`, whose first value completes this row's last
  /// one after a line break that split the record.
  func join(_ other: SourceRow) {
    guard fieldCount > 0, other.fieldCount > 0 else { return }
    let last = fieldCount - 1
    let lastValue = Array(raw(last))
    byteCount = starts[last]
    fieldCount = last
    reserveSlots(fieldCount + 1)
    starts[fieldCount] = byteCount
    (lastValue + [UInt8(ascii: "\n")]).withUnsafeBytes { copy($0) }
    copy(other.raw(0))
    ends[fieldCount] = byteCount
    fieldCount += 1
    for column in 1..<other.fieldCount { appendField(other.raw(column)) }
  }

  /// The untrimmed bytes of a column.
  func raw(_ column: Int) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: bytes + starts[column], count: ends[column] - starts[column])
  }

  /// The row's storage as it stands: the value bytes, where each value starts and
  /// where it ends. Equal storage means equal values (the converse may not hold).
  func withStorage<T>(
    _ body: (UnsafeRawBufferPointer, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>) -> T
  ) -> T {
    body(
      UnsafeRawBufferPointer(start: bytes, count: byteCount),
      UnsafeBufferPointer(start: starts, count: fieldCount),
      UnsafeBufferPointer(start: ends, count: fieldCount))
  }

  /// Reads a byte of every cache line the row's values and offsets occupy. A row
  /// handed over by another thread is not in this processor's cache: touched in
  /// one tight loop, its lines are fetched together, instead of one wait per line
  /// as the mapping reaches them. Worth it before mapping a row that nothing else
  /// reads whole first (fingerprinting does).
  package func touchStorage() {
    // The storage need not start on a line: the last byte and offsets are read too.
    var combined: UInt8 = 0
    var offset = 0
    while offset < byteCount {
      combined ^= bytes[offset]
      offset += 64
    }
    if byteCount > 0 { combined ^= bytes[byteCount - 1] }
    // Eight offsets to a line.
    var slot = 0
    while slot < fieldCount {
      combined ^= UInt8(truncatingIfNeeded: starts[slot] ^ ends[slot])
      slot += 8
    }
    if fieldCount > 0 {
      combined ^= UInt8(truncatingIfNeeded: starts[fieldCount - 1] ^ ends[fieldCount - 1])
    }
    touched = combined
  }

  /// Bytes of all values, and the room the buffer has grown to.
  package var storedBytes: Int { byteCount }
  package var capacityBytes: Int { byteCapacity }

  /// Number of columns the row can be asked for.
  package var columnCount: Int { fieldCount }

  /// The bytes of a column with surrounding spaces and line breaks removed, valid
  /// until the row moves on.
  package func trimmed(_ column: Int) -> UnsafeRawBufferPointer {
    guard column >= 0, column < fieldCount else {
      return UnsafeRawBufferPointer(start: nil, count: 0)
    }
    var start = starts[column]
    var end = ends[column]
    // A byte-order mark inside the file (two exports joined) is not part of a value.
    if end - start >= 3 && bytes[start] == 0xEF && bytes[start + 1] == 0xBB
      && bytes[start + 2] == 0xBF
    {
      start += 3
    }
    while start < end, isBlank(bytes[start]) { start += 1 }
    while end > start, isBlank(bytes[end - 1]) { end -= 1 }
    return UnsafeRawBufferPointer(start: bytes + start, count: end - start)
  }

  /// The value of a column with surrounding spaces removed; "" when absent.
  package func text(_ column: Int) -> String {
    let value = trimmed(column)
    return value.isEmpty ? "" : encoding.decode(value)
  }

  /// True when the column holds nothing but spaces.
  package func isEmpty(_ column: Int) -> Bool { trimmed(column).isEmpty }

  @inline(__always) private func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
  }
}
