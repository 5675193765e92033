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
      // Stops reading once the answer is known (a file that is not ours to wait for).
      try file.forEachChunk { chunk in
        scan.feed(chunk)
        if scan.isDecided { throw Decided() }
      }
    } catch {
      return true  // decided (not ours to wait for), or unreadable: the reader says why
    }
    return scan.isWhole
  }

  private struct Decided: Error {}

  /// The structure read so far.
  struct Scan {
    private var depth = 0
    private var quoted = JSONString()
    private var started = false
    /// Not an array or an object, or a bracket closes that never opened: the
    /// reader rejects it at once, nothing to wait for.
    private var notStructured = false

    var isDecided: Bool { notStructured }
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
      case 0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF:
        break  // whitespace, and a byte-order mark before the value
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        started = true
      case _ where !started:
        notStructured = true
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth -= 1
        if depth < 0 { notStructured = true }
      case UInt8(ascii: "\""):
        quoted.open()
      default:
        break
      }
    }
  }
}
