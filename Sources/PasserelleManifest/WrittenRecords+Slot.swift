import PasserelleCore

extension WrittenRecords {
  /// A written row's slot: 56 bytes in the machine's byte order (the file never
  /// outlives the process). Line, operation, main contact's operation (`Int64.min`:
  /// none), fingerprint, the code's offset and length in the codes' file, then
  /// whether the slot holds a row not taken yet and whether it has a fingerprint.
  enum Slot {
    static let size = 56
    static let notedOffset = 52
    private static let fingerprintFlagOffset = 53
    private static let noCompanion = Int64.min
    /// Written at `notedOffset` when a row is taken.
    static let forgetByte: [UInt8] = [0]

    static func append(_ row: Row, codeOffset: Int, to bytes: inout [UInt8]) {
      let start = bytes.count
      bytes.append(contentsOf: repeatElement(0, count: size))
      bytes.withUnsafeMutableBytes { slot in
        slot.storeBytes(of: Int64(row.line), toByteOffset: start, as: Int64.self)
        slot.storeBytes(of: Int64(row.operation), toByteOffset: start + 8, as: Int64.self)
        let companion = row.companion.map(Int64.init) ?? noCompanion
        slot.storeBytes(of: companion, toByteOffset: start + 16, as: Int64.self)
        if let fingerprint = row.fingerprint {
          fingerprint.withUnsafeBytes {
            slot.baseAddress!.advanced(by: start + 24).copyMemory(
              from: $0.baseAddress!, byteCount: Fingerprint.byteCount)
          }
          slot[start + fingerprintFlagOffset] = 1
        }
        slot.storeBytes(of: Int64(codeOffset), toByteOffset: start + 40, as: Int64.self)
        slot.storeBytes(of: Int32(row.code.utf8.count), toByteOffset: start + 48, as: Int32.self)
        slot[start + notedOffset] = 1
      }
    }

    /// A slot for an ordinal no row wrote.
    static func appendEmpty(to bytes: inout [UInt8]) {
      bytes.append(contentsOf: repeatElement(0, count: size))
    }

    static func isNoted(_ bytes: [UInt8], at start: Int) -> Bool { bytes[start + notedOffset] == 1 }

    static func operation(_ bytes: [UInt8], at start: Int) -> Int {
      Int(integer(bytes, start + 8))
    }

    /// The row, but for its code (empty), which `code` locates.
    static func row(_ bytes: [UInt8], at start: Int) -> Row {
      let companion = integer(bytes, start + 16)
      let fingerprint =
        bytes[start + fingerprintFlagOffset] == 1
        ? bytes.withUnsafeBytes {
          Fingerprint(UnsafeRawBufferPointer(rebasing: $0[(start + 24)..<(start + 40)]))
        } : nil
      return Row(
        code: "", line: Int(integer(bytes, start)), operation: operation(bytes, at: start),
        fingerprint: fingerprint, companion: companion == noCompanion ? nil : Int(companion))
    }

    /// Where the row's code lies in the codes' file, and its length in bytes.
    static func code(_ bytes: [UInt8], at start: Int) -> (offset: Int, length: Int) {
      let length = bytes.withUnsafeBytes {
        $0.loadUnaligned(fromByteOffset: start + 48, as: Int32.self)
      }
      return (Int(integer(bytes, start + 40)), Int(length))
    }

    private static func integer(_ bytes: [UInt8], _ offset: Int) -> Int64 {
      bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int64.self) }
    }
  }
}
