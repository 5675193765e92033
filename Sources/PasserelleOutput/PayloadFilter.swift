import PasserelleCore

/// Removes operations from a finished payload file. Needed only when a key turns
/// out to be duplicated after its first row was already streamed out: both rows
/// must be rejected, and a payload is never held in memory to wait for that.
package enum PayloadFilter {
  /// Copies `source` to `destination` without the operations whose 0-based
  /// indexes are in `skipped`; returns how many operations remain.
  package static func copy(_ source: String, to destination: String, skipping skipped: Set<Int>)
    throws
    -> Int
  {
    let input = try InputFile(path: source)
    let output = try OutputFile(path: destination)
    var line: [UInt8] = []
    var index = -1  // -1 while in the header
    var kept = 0
    let operationPrefix = Array("    {\"action\"".utf8)

    func emit(_ line: [UInt8]) throws {
      if line.starts(with: operationPrefix) {
        index += 1
        if skipped.contains(index) { return }
        var body = line
        if body.last == UInt8(ascii: ",") { body.removeLast() }
        try output.write(kept == 0 ? [0x0A] : Array(",\n".utf8))
        try output.write(body)
        kept += 1
      } else if line.starts(with: Array("  ]".utf8)) {
        try output.write(kept == 0 ? Array("]\n}\n".utf8) : Array("\n  ]\n}\n".utf8))
      } else if line.starts(with: Array("}".utf8)) {
        return
      } else if line.last == UInt8(ascii: "["), line.contains(UInt8(ascii: "\"")) {
        try output.write(line)  // `"operations": [`, its break comes with the first operation
      } else {
        try output.write(line + [0x0A])
      }
    }

    try input.forEachChunk { chunk in
      for byte in chunk {
        if byte == 0x0A {
          try emit(line)
          line.removeAll(keepingCapacity: true)
        } else {
          line.append(byte)
        }
      }
    }
    if !line.isEmpty { try emit(line) }
    try output.close()
    return kept
  }
}
