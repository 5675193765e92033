import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleReading

@Suite struct EncodingTests {
  @Test func decidesUTF8ForValidUTF8AndWindows1252Otherwise() throws {
    let scratch = try TestFiles.scratch()
    try TestFiles.write("Code;Nom\nA;Société\n", to: scratch.file("utf8.csv"))
    try TestFiles.write(
      "Code;Nom\nA;Société € œ\n", to: scratch.file("ansi.csv"), encoding: .windowsCP1252)
    #expect(
      try FileInspection.inspect(path: scratch.file("utf8.csv"), limits: ReadLimits()).encoding
        == .utf8)
    #expect(
      try FileInspection.inspect(path: scratch.file("ansi.csv"), limits: ReadLimits()).encoding
        == .windows1252)
    let result = try readAll(scratch.file("ansi.csv"))
    #expect(result.rows[0].values[1] == "Société € œ")
  }

  @Test func rejectsBytesThatFitNeitherEncoding() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("bad.csv")
    try Data("Code;Nom\nA;x".utf8 + [0x81, 0xC3] + Array("\n".utf8)).write(
      to: URL(fileURLWithPath: path))
    let found = rejection { _ = try FileInspection.inspect(path: path, limits: ReadLimits()) }
    #expect(found?.code == .unreadableEncoding)
  }

  @Test func rejectsBinaryFilesAndEmptyFiles() throws {
    let scratch = try TestFiles.scratch()
    try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x0A]).write(
      to: URL(fileURLWithPath: scratch.file("zip.csv")))
    try Data().write(to: URL(fileURLWithPath: scratch.file("empty.csv")))
    #expect(
      rejection {
        _ = try FileInspection.inspect(path: scratch.file("zip.csv"), limits: ReadLimits())
      }?
      .code == .unreadableEncoding)
    #expect(
      rejection {
        _ = try FileInspection.inspect(path: scratch.file("empty.csv"), limits: ReadLimits())
      }?.code == .emptyFile)
  }

  @Test func validatesUTF8AcrossChunkBoundaries() {
    let text = Array("aé€😀".utf8)
    for split in 0...text.count {
      var validator = UTF8Validator()
      text[..<split].withUnsafeBytes { validator.consume($0) }
      text[split...].withUnsafeBytes { validator.consume($0) }
      #expect(validator.isValidSoFar && validator.isComplete)
    }
    for invalid: [UInt8] in [
      [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
    ] {
      var validator = UTF8Validator()
      invalid.withUnsafeBytes { validator.consume($0) }
      #expect(!(validator.isValidSoFar && validator.isComplete))
    }
  }

  @Test func windows1252RoundTripsItsPrintableRange() {
    for byte in UInt8(0x20)...UInt8(0xFF) where Windows1252.isDefined(byte) && byte != 0x7F {
      let scalar = Windows1252.scalar(byte)
      #expect(Windows1252.encode(scalar) == byte)
    }
    #expect(Windows1252.encode("😀") == nil)
  }

  @Test func windows1252DecodesEveryByteAsItsScalar() {
    let everyByte = (0...255).map { UInt8($0) }
    for byte in everyByte {
      let decoded = [byte].withUnsafeBytes { Windows1252.decode($0) }
      #expect(decoded.unicodeScalars.elementsEqual([Windows1252.scalar(byte)]), "byte \(byte)")
    }
    let whole = (everyByte + Array("Soci".utf8) + [0xE9, 0x80, 0x9F, 0x81])
      .withUnsafeBytes { Windows1252.decode($0) }
    let expected = (everyByte + Array("Soci".utf8) + [0xE9, 0x80, 0x9F, 0x81]).map {
      Windows1252.scalar($0)
    }
    #expect(whole.unicodeScalars.elementsEqual(expected))
  }
}
