import PasserelleCore

/// Strict UTF-8 validation that can be fed chunk by chunk (sequences may span chunks).
package struct UTF8Validator {
  private(set) var isValidSoFar = true
  private var pending = 0
  private var lowerBound: UInt8 = 0x80
  private var upperBound: UInt8 = 0xBF

  var isComplete: Bool { pending == 0 }

  mutating func consume(_ bytes: UnsafeRawBufferPointer) {
    guard isValidSoFar else { return }
    var index = 0
    while index < bytes.count {
      if pending == 0 {
        let plainEnd = ByteWord.asciiWordsEnd(bytes, from: index)
        if plainEnd > index {
          index = plainEnd
          continue
        }
      }
      let byte = bytes[index]
      index += 1
      if pending == 0 {
        if byte < 0x80 { continue }
        switch byte {
        case 0xC2...0xDF: pending = 1
        case 0xE0:
          pending = 2
          lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: pending = 2
        case 0xED:
          pending = 2
          upperBound = 0x9F
        case 0xF0:
          pending = 3
          lowerBound = 0x90
        case 0xF1...0xF3: pending = 3
        case 0xF4:
          pending = 3
          upperBound = 0x8F
        default:
          isValidSoFar = false
          return
        }
      } else {
        if byte < lowerBound || byte > upperBound {
          isValidSoFar = false
          return
        }
        lowerBound = 0x80
        upperBound = 0xBF
        pending -= 1
      }
    }
  }
}
