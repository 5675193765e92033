import Testing

@testable import PasserelleCore

/// The room a value is rewritten in holds exactly what was appended.
@Suite struct ScratchBytesTests {
  @Test func appendedBytesComeBackInOrder() {
    let text = ScratchBytes.with(capacity: 8) { scratch in
      scratch.append(UInt8(ascii: "+"))
      scratch.append(contentsOf: "33")
      Array("612".utf8).withUnsafeBufferPointer { scratch.append(contentsOf: $0) }
      #expect(scratch.count == 6)
      #expect(scratch[0] == UInt8(ascii: "+"))
      return scratch.string
    }
    #expect(text == "+33612")
  }

  @Test func emptyRoomGivesAnEmptyString() {
    #expect(ScratchBytes.with(capacity: 0) { $0.string }.isEmpty)
  }
}
