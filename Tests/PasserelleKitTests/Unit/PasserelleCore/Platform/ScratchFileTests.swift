import Foundation
import Testing

@testable import PasserelleCore

@Suite struct ScratchFileTests {
  @Test func whatIsWrittenAtAnOffsetIsReadBackThere() throws {
    let scratch = try TestFiles.scratch()
    let file = try ScratchFile(in: scratch.path)
    try [UInt8]("abcdef".utf8).withUnsafeBytes { try file.write($0, at: 0) }
    try [UInt8]("XY".utf8).withUnsafeBytes { try file.write($0, at: 2) }
    var buffer = [UInt8](repeating: 0, count: 10)
    let read = try buffer.withUnsafeMutableBytes { try file.read(into: $0, at: 1) }
    #expect(read == 5)
    #expect(String(decoding: buffer.prefix(read), as: UTF8.self) == "bXYef")
    try file.truncate()
    #expect(try buffer.withUnsafeMutableBytes { try file.read(into: $0, at: 0) } == 0)
  }

  @Test func theFileLeavesNoNameInItsFolder() throws {
    let scratch = try TestFiles.scratch()
    let file = try ScratchFile(in: scratch.path)
    try [UInt8](repeating: 7, count: 4096).withUnsafeBytes { try file.write($0, at: 0) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
  }

  @Test func aFolderThatCannotHoldItIsNamed() throws {
    let scratch = try TestFiles.scratch()
    let missing = scratch.file("missing")
    #expect {
      _ = try ScratchFile(in: missing)
    } throws: { error in
      (error as? EnvironmentFailure)?.path == missing
    }
  }
}
