/// One record of an export, as raw bytes per column. A reader reuses the same
/// `SourceRow` for every record, so values must be read inside the visit that receives it.
public final class SourceRow {
  /// Physical line of the record's start in the original file (1-based).
  public internal(set) var line = 0
  let encoding: TextEncoding
  var storage: [UInt8] = []
  var starts: [Int] = []
  var ends: [Int] = []
  /// Fields present in the record (CSV: as read; XML: the columns filled).
  public internal(set) var fieldCount = 0

  init(encoding: TextEncoding, columns: Int = 0) {
    self.encoding = encoding
    storage.reserveCapacity(4096)
    starts.reserveCapacity(columns)
    ends.reserveCapacity(columns)
  }

  func reset(columns: Int) {
    storage.removeAll(keepingCapacity: true)
    if starts.count != columns {
      starts = Array(repeating: 0, count: columns)
      ends = Array(repeating: 0, count: columns)
    } else {
      for index in 0..<columns {
        starts[index] = 0
        ends[index] = 0
      }
    }
    fieldCount = 0
  }

  func appendField(_ bytes: UnsafeRawBufferPointer) {
    let start = storage.count
    storage.append(contentsOf: bytes)
    if fieldCount < starts.count {
      starts[fieldCount] = start
      ends[fieldCount] = storage.count
    } else {
      starts.append(start)
      ends.append(storage.count)
    }
    fieldCount += 1
  }

  func setField(_ column: Int, _ bytes: UnsafeRawBufferPointer) {
    let start = storage.count
    storage.append(contentsOf: bytes)
    starts[column] = start
    ends[column] = storage.count
  }

  /// Number of columns the row can be asked for.
  public var columnCount: Int { starts.count }

  /// The value of a column with surrounding spaces removed; "" when absent.
  public func text(_ column: Int) -> String {
    guard column >= 0, column < starts.count else { return "" }
    var start = starts[column]
    var end = ends[column]
    return storage.withUnsafeBytes { bytes in
      while start < end, isBlank(bytes[start]) { start += 1 }
      while end > start, isBlank(bytes[end - 1]) { end -= 1 }
      if start == end { return "" }
      return encoding.decode(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
    }
  }

  /// True when the column holds nothing but spaces.
  public func isEmpty(_ column: Int) -> Bool {
    guard column >= 0, column < starts.count else { return true }
    return storage.withUnsafeBytes { bytes in
      for index in starts[column]..<ends[column] where !isBlank(bytes[index]) { return false }
      return true
    }
  }

  @inline(__always) private func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
  }
}
