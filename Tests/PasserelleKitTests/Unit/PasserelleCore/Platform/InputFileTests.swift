import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleReading

/// Input is opened as a regular file or not at all: a link is never followed and a
/// pipe never waited on, whoever asks (readers, libxml2, the header peek).
@Suite struct InputFileTests {
  @Test func aSymbolicLinkIsRefusedAndNamed() throws {
    let scratch = try TestFiles.scratch()
    let link = scratch.file("clients.Txt")
    try FileManager.default.createSymbolicLink(
      atPath: link, withDestinationPath: TestFiles.tabSample)
    let found = rejection { _ = try InputFile(path: link) }
    #expect(found?.code == .linkNotFollowed)
    #expect(found?.message.values["target"] == .text(TestFiles.tabSample))
    // The XML reader opens through the same door.
    let xmlLink = scratch.file("clients.xml")
    try FileManager.default.createSymbolicLink(
      atPath: xmlLink, withDestinationPath: TestFiles.xmlSample)
    let facts = try FileInspection.inspect(path: TestFiles.xmlSample, limits: ReadLimits())
    let xml = rejection {
      try XMLRecordReader(path: xmlLink, facts: facts, limits: ReadLimits()).read(
        header: { _ in }, row: { _ in })
    }
    #expect(xml?.code == .linkNotFollowed)
    #expect(HeaderPeek.labels(path: xmlLink, limits: ReadLimits(), fallback: .windows1252) == nil)
  }

  @Test func aNamedPipeIsRefusedWithoutWaitingForAWriter() throws {
    let scratch = try TestFiles.scratch()
    let pipe = scratch.file("pipe.xml")
    #expect(mkfifo(pipe, 0o600) == 0)
    let started = Date()
    let found = rejection { _ = try InputFile(path: pipe) }
    #expect(found?.code == .unreadableEncoding)
    #expect(found?.message.key == .fileNotRegular)
    #expect(Date().timeIntervalSince(started) < 5)
  }

  @Test func aRegularFileIsReadBlockingAsUsual() throws {
    let file = try InputFile(path: TestFiles.tabSample)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
    defer { buffer.deallocate() }
    #expect(try file.readFully(into: buffer) == file.size)
    #expect(fcntl(file.descriptor, F_GETFL) & O_NONBLOCK == 0)
  }
}
