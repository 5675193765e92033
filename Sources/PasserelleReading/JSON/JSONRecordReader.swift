import Foundation
import PasserelleCore

/// The records of a JSON file dropped by Sales Management, one at a time: either a
/// top-level array of objects, or `{"entity": "…", "records": [ … ]}`. The file is
/// scanned in chunks and only one record is held (up to `maxRecordBytes`), then
/// parsed on its own; a file of any size takes the memory of its largest record.
package struct JSONRecordReader {
  let path: String
  let limits: ReadLimits

  package init(path: String, limits: ReadLimits) {
    self.path = path
    self.limits = limits
  }

  /// One record: its object, and the line where it starts (for reports).
  package struct Record {
    package var line: Int
    package var object: [String: Any]
  }

  /// Calls `record` with each record in order; returns the wrapper's `entity`
  /// value (wherever it stands in the wrapper), or nil.
  @discardableResult
  package func read(record: (Record) throws -> Void) throws -> String? {
    let file = try InputFile(path: path)
    var scanner = Scanner(limit: limits.maxRecordBytes)
    var declared: String? = nil
    do {
      try file.forEachChunk { chunk in
        for byte in chunk {
          switch try scanner.consume(byte) {
          case .none: break
          case .entity(let value): declared = declared ?? value
          case .record(let bytes, let line):
            guard
              let object = try? JSONSerialization.jsonObject(with: Data(bytes))
                as? [String: Any]
            else {
              throw FileRejection(
                .malformedJSON, .jsonRecordNotObject, line: line)
            }
            try record(Record(line: line, object: object))
          }
        }
      }
    } catch let rejection as FileRejection {
      throw rejection
    }
    try scanner.finish()
    return declared
  }

  /// A byte-level scanner that tracks strings, escapes and depth, and cuts out the
  /// objects that are records.
  struct Scanner {
    enum Event {
      case none
      case entity(String)
      case record([UInt8], line: Int)
    }

    let limit: Int
    private var line = 1
    private var depth = 0
    private var quoted = JSONString()
    private var started = false
    private var wrapped = false
    /// In the wrapper: the key being read, the last key, and whether a key comes next.
    private var string: [UInt8] = []
    private var lastKey = ""
    private var expectingKey = false
    private var inRecords = false
    private var capturing = false
    private var captured: [UInt8] = []
    private var recordLine = 0
    private var afterColon = false
    /// The top-level value is over: only spaces may follow.
    private var closed = false
    /// Open brackets, to refuse `[}` and its kind.
    private var openers: [UInt8] = []
    /// Wrapper-level strings are kept for keys and `entity` only: a bounded buffer.
    private let stringLimit = 1 << 10

    init(limit: Int) { self.limit = limit }

    /// The depth at which records are the elements.
    private var recordDepth: Int { wrapped ? 2 : 1 }

    /// Where a record must start: only an object may stand there.
    private var atRecordPlace: Bool {
      started && !capturing && depth == recordDepth && (inRecords || !wrapped)
    }

    private var notARecord: FileRejection {
      FileRejection(.malformedJSON, .jsonRecordNotObject, line: line)
    }

    mutating func consume(_ byte: UInt8) throws -> Event {
      if byte == 0x0A { line += 1 }
      if capturing { try capture(byte) }
      if quoted.isOpen { return stringByte(byte) }
      switch byte {
      case 0x20, 0x09, 0x0D, 0x0A: return .none
      case _ where closed:
        throw FileRejection(
          .malformedJSON, .jsonTrailingText, line: line)
      case 0xEF where !started, 0xBB where !started, 0xBF where !started:
        return .none  // a byte-order mark
      case UInt8(ascii: "\""):
        if atRecordPlace { throw notARecord }
        quoted.open()
        string.removeAll(keepingCapacity: true)
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        try open(byte)
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        return try close(byte)
      case UInt8(ascii: ","):
        if depth == 1 && wrapped { expectingKey = true }
      case UInt8(ascii: ":"):
        if depth == 1 && wrapped { afterColon = true }
      default:
        if !started {
          throw FileRejection(
            .malformedJSON, .jsonNotArrayOrObject, line: line)
        }
        if atRecordPlace { throw notARecord }
      }
      return .none
    }

    /// Adds a byte to the record being cut out, within the limit.
    private mutating func capture(_ byte: UInt8) throws {
      captured.append(byte)
      if captured.count > limit {
        throw FileRejection(
          .tooLarge, .recordTooLong, ["limit": .number(limit)], line: recordLine)
      }
    }

    /// A byte inside a string: escapes, the closing quote, and the wrapper's keys.
    private mutating func stringByte(_ byte: UInt8) -> Event {
      if quoted.take(byte) { return endString() }
      if !capturing && depth == 1 && wrapped && string.count < stringLimit {
        string.append(byte)
      }
      return .none
    }

    /// `[` or `{`: the top-level value, the wrapper's records, or a record starts.
    private mutating func open(_ byte: UInt8) throws {
      if !started {
        started = true
        wrapped = byte == UInt8(ascii: "{")
        expectingKey = wrapped
      } else if depth == 1 && wrapped && byte == UInt8(ascii: "[") && lastKey == "records" {
        inRecords = true
      } else if depth == recordDepth && (inRecords || !wrapped) && !capturing {
        guard byte == UInt8(ascii: "{") else {
          throw FileRejection(.malformedJSON, .jsonRecordNotObject, line: line)
        }
        capturing = true
        captured = [byte]
        recordLine = line
      }
      openers.append(byte)
      depth += 1
      if depth > 64 {
        throw FileRejection(.tooLarge, .jsonTooDeep, ["limit": 64], line: line)
      }
    }

    /// `]` or `}`: checks it closes what is open; a record ends here.
    private mutating func close(_ byte: UInt8) throws -> Event {
      let opener = byte == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
      guard openers.popLast() == opener else {
        throw FileRejection(.malformedJSON, .jsonUnbalancedBracket, line: line)
      }
      depth -= 1
      if depth == 0 { closed = true }
      if capturing && depth == recordDepth {
        capturing = false
        let record = captured
        captured = []
        return .record(record, line: recordLine)
      }
      if depth == 1 && wrapped && byte == UInt8(ascii: "]") { inRecords = false }
      return .none
    }

    private mutating func endString() -> Event {
      guard depth == 1 && wrapped && !capturing else { return .none }
      let text = String(decoding: string, as: UTF8.self)
      if expectingKey {
        lastKey = text
        expectingKey = false
        return .none
      }
      if afterColon && lastKey == "entity" {
        afterColon = false
        return .entity(text)
      }
      afterColon = false
      return .none
    }

    func finish() throws {
      guard started else { throw FileRejection(.emptyFile, .jsonEmpty) }
      if depth != 0 || quoted.isOpen {
        throw FileRejection(.malformedJSON, .jsonUnclosed, line: line)
      }
    }
  }
}
