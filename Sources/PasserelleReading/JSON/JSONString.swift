/// Where a byte-by-byte JSON scan stands with strings: outside one, inside one,
/// or just after a backslash inside one. Brackets inside a string are text.
struct JSONString {
  private(set) var isOpen = false
  private var escaped = false

  /// A quote outside a string opens one.
  mutating func open() { isOpen = true }

  /// Takes a byte inside the string; true when it is the closing quote.
  mutating func take(_ byte: UInt8) -> Bool {
    if escaped {
      escaped = false
    } else if byte == UInt8(ascii: "\\") {
      escaped = true
    } else if byte == UInt8(ascii: "\"") {
      isOpen = false
      return true
    }
    return false
  }
}
