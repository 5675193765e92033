import PasserelleCore

/// Whether a JSON file dropped by Sales Management's side looks whole: its
/// top-level array or object closes. A file that ends inside one is most likely
/// still being written (or caught mid-copy): the drop folder waits for it longer
/// instead of rejecting what would be whole a moment later. Only the structure
/// is followed (brackets outside strings), in chunks: memory does not grow with
/// the file. Whether the content is valid is the reader's business.
package enum JSONCompleteness {
  /// False only when the file is empty or ends inside its top-level array,
  /// object or a string; a file that is not JSON at all is "whole" (the reader
  /// rejects it at once).
  package static func isWhole(_ path: String) -> Bool {
    guard let file = try? InputFile(path: path) else { return true }
    var scan = Scan()
    do {
      try file.forEachChunk { chunk in scan.feed(chunk) }
    } catch {
      return true
    }
    return scan.isWhole
  }

  /// The structure read so far.
  struct Scan {
    private var depth = 0
    private var quoted = JSONString()
    private var started = false
    /// The first value is not an array or an object: not ours to wait for.
    private var notStructured = false

    var isWhole: Bool { notStructured || (started && depth == 0 && !quoted.isOpen) }

    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
      for byte in bytes where !notStructured { take(byte) }
    }

    private mutating func take(_ byte: UInt8) {
      if quoted.isOpen {
        _ = quoted.take(byte)
        return
      }
      switch byte {
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        started = true
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth -= 1
      case UInt8(ascii: "\""):
        quoted.open()
      case 0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF:
        break  // whitespace, and a byte-order mark before the value
      default:
        if !started { notStructured = true }
      }
    }
  }
}
