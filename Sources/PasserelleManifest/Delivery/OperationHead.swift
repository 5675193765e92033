import Foundation

/// The head of one payload operation as `PayloadWriter` writes it —
/// `{"action": "…", "guid": "…", "extId": "…"[, "id": N]` — read straight from the
/// line's bytes: parsing every line as JSON doubled the commit of a large batch.
/// A line that does not start that way (or whose texts hold escapes) is parsed as JSON.
struct OperationHead: Equatable {
  var action: String
  var extId: String
  var id: Int?

  init?(line: ArraySlice<UInt8>) {
    var scanner = Scanner(bytes: line)
    guard scanner.take("{\"action\": \""), let action = scanner.text(),
      scanner.take(", \"guid\": \""), scanner.text() != nil,
      scanner.take(", \"extId\": \""), let extId = scanner.text()
    else {
      guard let parsed = Self.parsed(line) else { return nil }
      self = parsed
      return
    }
    self.action = action
    self.extId = extId
    id = scanner.take(", \"id\": ") ? scanner.integer() : nil
  }

  private init(action: String, extId: String, id: Int?) {
    self.action = action
    self.extId = extId
    self.id = id
  }

  private static func parsed(_ line: ArraySlice<UInt8>) -> OperationHead? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
      let action = object["action"] as? String, let extId = object["extId"] as? String
    else { return nil }
    return OperationHead(action: action, extId: extId, id: (object["id"] as? NSNumber)?.intValue)
  }

  /// Reads the fixed parts and the plain texts of the head.
  private struct Scanner {
    let bytes: ArraySlice<UInt8>
    var index: ArraySlice<UInt8>.Index

    init(bytes: ArraySlice<UInt8>) {
      self.bytes = bytes
      index = bytes.startIndex
    }

    mutating func take(_ literal: StaticString) -> Bool {
      let count = literal.utf8CodeUnitCount
      guard bytes.distance(from: index, to: bytes.endIndex) >= count else { return false }
      let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
      guard bytes[index..<index + count].elementsEqual(expected) else { return false }
      index += count
      return true
    }

    /// The text up to its closing quote; nil when it holds an escape.
    mutating func text() -> String? {
      guard let end = bytes[index...].firstIndex(where: { $0 == 0x22 || $0 == 0x5C }),
        bytes[end] == 0x22
      else { return nil }
      let text = String(decoding: bytes[index..<end], as: UTF8.self)
      index = end + 1
      return text
    }

    mutating func integer() -> Int? {
      var value = 0
      var digits = 0
      var negative = false
      if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") {
        negative = true
        index += 1
      }
      while index < bytes.endIndex, (0x30...0x39).contains(bytes[index]), digits < 18 {
        value = value * 10 + Int(bytes[index] - 0x30)
        digits += 1
        index += 1
      }
      return digits == 0 ? nil : (negative ? -value : value)
    }
  }
}
