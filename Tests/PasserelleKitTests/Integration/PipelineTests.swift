import Foundation
import GRDB
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleManifest
@testable import PasserelleOutput
@testable import PasserelleReading
@testable import SageToSalesManagement
@testable import SalesManagementToSage

@Suite struct PipelineTests {
  @Test func aTwoThousandRowExportSendsExactlyTheValidCustomers() throws {
    let root = try TestRoot()
    let builder = try CustomerExportBuilder()
    let defects: [Int: CustomerExportBuilder.Defect] = [
      10: .missingCode, 500: .tooLongCode, 900: .noName, 1500: .duplicateOf(1200),
    ]
    try root.drop(builder.build(count: 2_000, defects: defects), as: "Clients.Txt")
    let outcomes = try root.runOnce()
    #expect(outcomes.count == 1)
    let outcome = try #require(outcomes.first)
    #expect(outcome.state == .done)
    #expect(outcome.counts.read == 2_000)
    #expect(outcome.counts.rejected == 5)  // the duplicate rejects both rows
    #expect(outcome.counts.emitted == 1_995)

    let payload = try #require(root.payloads().first)
    let operations = try root.operations(payload)
    #expect(operations.count == 1_995)
    #expect(operations.allSatisfy { $0.action == "upsert" })
    let codes = Set(operations.map(\.extId))
    #expect(!codes.contains(builder.code("G", 1_200)))
    #expect(!codes.contains(builder.code("G", 1_500)))
    #expect(!codes.contains(builder.code("G", 900)))
    #expect(codes.contains(builder.code("G", 1_999)))
    // Source order is kept.
    #expect(operations.map(\.extId) == operations.map(\.extId).sorted())

    let report = try #require(
      root.scratch.files(in: "out/rejects").first { $0.hasSuffix(".rejects.csv") })
    let errors = try root.reportRows("\(root.layout.rejects)/\(report)").filter {
      $0[3] == "error"
    }
    let found = Set(errors.map { "\($0[0]) \($0[4])" })
    #expect(
      found == [
        "12 missing-key", "502 key-too-long", "902 missing-required", "1202 duplicate-key",
        "1502 duplicate-key",
      ])
  }

  /// A first export writes its records as its rows go by: a code found again
  /// later in the file (twice or three times) takes back what its first row wrote,
  /// main contact included, so that the manifest holds exactly what was sent.
  @Test func aFirstExportRecordsExactlyWhatItSent() throws {
    let root = try TestRoot()
    let builder = try CustomerExportBuilder()
    let defects: [Int: CustomerExportBuilder.Defect] = [
      1_500: .duplicateOf(1_200), 1_501: .duplicateOf(1_201), 1_502: .duplicateOf(1_202),
      1_700: .duplicateOf(1_300), 1_800: .duplicateOf(1_300),
    ]
    let export = builder.build(count: 2_000, defects: defects)
    try root.drop(export, as: "Clients.Txt")
    let first = try #require(try root.runOnce().first)
    #expect(first.counts.rejected == 9)
    func sent(_ resource: String) throws -> Set<String> {
      let payload = try #require(first.outputs.first { $0.hasSuffix("-\(resource).json") })
      return Set(try root.operations(payload).map(\.extId))
    }
    func recorded(_ resource: String) throws -> Set<String> {
      try Set(
        Manifest(path: root.layout.manifest).read { db in
          try String.fetchAll(
            db, sql: "SELECT code FROM record WHERE resource = ?", arguments: [resource])
        })
    }
    let accounts = try sent("accounts")
    #expect(accounts.count == 1_991)
    #expect(!accounts.contains(builder.code("G", 1_300)))
    #expect(try recorded("accounts") == accounts)
    let contacts = try sent("contacts")
    let duplicated = [1_200, 1_201, 1_202, 1_300].map { builder.code("G", $0) + "." }
    #expect(!contacts.contains { code in duplicated.contains { code.hasPrefix($0) } })
    #expect(try recorded("contacts") == contacts)

    // The same rows again: what was recorded is what is found unchanged.
    try root.drop(export + Array("\r\n".utf8), as: "Clients du lundi.Txt")
    let second = try #require(try root.runOnce().first)
    #expect(second.counts.unchanged == 1_991)
    #expect(second.counts.emitted == 0 && second.counts.deletions == 0)
    #expect(second.outputs.allSatisfy { !$0.hasSuffix(".json") })
  }

  @Test func anUnchangedExportEmitsNothing() throws {
    let root = try TestRoot()
    let builder = try CustomerExportBuilder()
    let export = builder.build(count: 300)
    try root.drop(export, as: "Clients.Txt")
    _ = try root.runOnce()
    #expect(root.payloads().count == 1)
    // Same rows, one extra trailing line so that the content (and hash) differ.
    try root.drop(export + Array("\r\n".utf8), as: "Clients du lundi.Txt")
    let second = try #require(try root.runOnce().first)
    #expect(second.state == .done)
    #expect(second.counts.unchanged == 300)
    #expect(second.counts.emitted == 0)
    #expect(root.payloads().count == 1)
  }

  @Test func theSameFileTwiceIsADuplicateAndIsArchived() throws {
    let root = try TestRoot()
    try root.drop(sample: TestFiles.tabSample)
    let first = try #require(try root.runOnce().first)
    try root.drop(sample: TestFiles.tabSample, as: "copie.Txt")
    let second = try #require(try root.runOnce().first)
    #expect(first.state == .done)
    #expect(second.state == .duplicate)
    #expect(second.reason?.code == .duplicateFile)
    #expect(!second.rejectedSomething)
    #expect(root.payloads().count == 1)
    #expect(root.scratch.files(in: "out/archive").count == 2)
    #expect(root.scratch.files(in: "watch/sage").isEmpty)
  }

  @Test func onlyChangedCustomersAndDeletionsTravel() throws {
    let root = try TestRoot()
    let builder = try CustomerExportBuilder()
    try root.drop(builder.build(count: 100), as: "Clients.Txt")
    _ = try root.runOnce()
    // Customer 5 changes city; customers 98 and 99 (0-based) disappear.
    let changed = builder.build(count: 98) { index, fields in
      if index == 5 { fields[8] = Array("Quimper".utf8) }
    }
    try root.drop(changed, as: "Clients 2.Txt")
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.counts.emitted == 1)
    #expect(outcome.counts.deletions == 2)
    let payload = try #require(outcome.outputs.first { $0.hasSuffix("-accounts.json") })
    let operations = try root.operations(payload)
    #expect(operations.map(\.action) == ["upsert", "markDeleted", "markDeleted"])
    #expect(operations.map(\.extId) == ["G00006", "G00099", "G00100"])
    #expect(operations[0].data?["city"] as? String == "Quimper")
    // The manifest remembers the deletions: a third identical export sends nothing.
    try root.drop(changed + Array("\r\n".utf8), as: "Clients 3.Txt")
    let third = try #require(try root.runOnce().first)
    #expect(third.counts.emitted == 0 && third.counts.deletions == 0)
  }

  @Test func theMassDeletionGuardHoldsATruncatedExport() throws {
    let root = try TestRoot()
    let builder = try CustomerExportBuilder()
    try root.drop(builder.build(count: 100), as: "Clients.Txt")
    _ = try root.runOnce()
    try root.drop(builder.build(count: 70), as: "Clients filtrés.Txt")
    let held = try #require(try root.runOnce().first)
    #expect(held.state == .rejected)
    #expect(held.reason?.code == .massDeletionGuard)
    #expect(root.payloads().count == 1)
    let rejected = root.scratch.files(in: "out/rejects")
    let reasonFile = try #require(
      rejected.first { $0.hasSuffix("Clients filtrés.Txt.reason.json") })
    let reason =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: "\(root.layout.rejects)/\(reasonFile)")))
      as? [String: Any]
    #expect(reason?["code"] as? String == "mass-deletion-guard")
    #expect((reason?["sha256"] as? String)?.count == 64)
    #expect(reason?["detectedAt"] != nil && reason?["file"] as? String == "Clients filtrés.Txt")

    // IT confirms, drops the file again: the deletions go through.
    let passerelle = Passerelle(root: root.scratch.path, settings: root.settings)
    _ = try passerelle.allowDeletions(sha256OrBatch: held.batch)
    try root.drop(builder.build(count: 70), as: "Clients filtrés.Txt")
    let confirmed = try #require(try root.runOnce().first)
    #expect(confirmed.state == .done)
    #expect(confirmed.counts.deletions == 30)
  }

  @Test func deletionsWithinTheAllowedShareGoThrough() throws {
    let root = try TestRoot()
    root.settings.massDeletionShare = 0.5
    let builder = try CustomerExportBuilder()
    try root.drop(builder.build(count: 10), as: "a.Txt")
    _ = try root.runOnce()
    try root.drop(builder.build(count: 5), as: "b.Txt")
    #expect(try root.runOnce().first?.counts.deletions == 5)
  }

  @Test(arguments: [
    ("noise.csv", "Article;Prix\nA1;3\n", ReasonCode.unknownEntity),
    ("header-only.Txt", "Code\tNom\tSociété\tFamille clients\tType de client\n", .emptyFile),
    (
      "lol.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x/>", .xmlDoctypeForbidden
    ),
    ("broken.xml", "<Clients><Client><Code>A</Client>", .malformedXML),
  ])
  func aBadFileIsMovedToRejectsWithItsReason(name: String, content: String, code: ReasonCode)
    throws
  {
    let root = try TestRoot()
    try root.drop(Array(content.utf8), as: name)
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.state == .rejected)
    #expect(outcome.reason?.code == code)
    let rejected = root.scratch.files(in: "out/rejects")
    #expect(rejected.contains("\(outcome.batch)-\(name)"))
    #expect(rejected.contains("\(outcome.batch)-\(name).reason.json"))
    #expect(root.scratch.files(in: "watch/sage").isEmpty)
    #expect(root.scratch.files(in: "out/work").isEmpty)
    #expect(root.payloads().isEmpty)
  }

  @Test func ignoredNamesStayInTheDropFolder() throws {
    let root = try TestRoot()
    for name in ["~$Clients.xlsx", ".cache", "Clients.Txt.part", "Thumbs.db", "x.tmp"] {
      try root.drop(Array("Code\n".utf8), as: name)
    }
    #expect(try root.runOnce().isEmpty)
    #expect(root.scratch.files(in: "watch/sage").count == 4)  // ".cache" is hidden from the listing
  }

  @Test func aDoneMarkerReleasesTheFileAtOnceAndIsRemoved() throws {
    let root = try TestRoot()
    root.settings.stabilitySeconds = 60  // would wait a minute without the marker
    try root.drop(sample: TestFiles.tabSample)
    try root.drop([], as: "Export des clients.Txt.done")
    let started = Date()
    let outcome = try #require(try root.runOnce().first)
    #expect(Date().timeIntervalSince(started) < 30)
    #expect(outcome.state == .done)
    #expect(root.scratch.files(in: "watch/sage").isEmpty)
  }

  @Test func theManifestRecordsBatchesOutputsAndTheIdMap() throws {
    let root = try TestRoot()
    try root.drop(sample: TestFiles.tabSample)
    let outcome = try #require(try root.runOnce().first)
    let manifest = try Manifest(path: root.layout.manifest)
    try manifest.read { db in
      let batch = try #require(
        try GRDB.Row.fetchOne(
          db, sql: "SELECT * FROM batch WHERE id = ?", arguments: [outcome.batch]))
      #expect(batch["state"] as String == "done")
      #expect(batch["entity"] as String == "customers")
      #expect((batch["sha256"] as String).count == 64)
      #expect(batch["rowsEmitted"] as Int == outcome.counts.emitted)
      let outputs = try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM batchOutput WHERE batchId = ?", arguments: [outcome.batch])
      // Accounts, the main contacts of the rows, and the report.
      #expect(outputs == 3)
      let records = try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM record WHERE resource = 'accounts' AND owner = 'sage'")
      #expect(records == outcome.counts.emitted)
    }
    let status = try StatusReport.load(from: root.layout.manifest)
    #expect(status.batches["done"] == 1)
    #expect(status.records.first?.active == outcome.counts.emitted)
  }
}

@Suite struct RobustnessTests {
  @Test func aFileThatKeepsStoppingTheConversionIsSetAside() throws {
    let root = try TestRoot()
    let claimed = "\(root.layout.work)/20261129-050000-abcd-Clients.Txt"
    try FileManager.default.copyItem(atPath: TestFiles.tabSample, toPath: claimed)
    let manifest = try Manifest(path: root.layout.manifest)
    for _ in 0..<3 { _ = try manifest.beginAttempt("20261129-050000-abcd") }
    try root.drop(sample: TestFiles.excelSample)
    let outcomes = try root.runOnce()
    #expect(outcomes.map(\.state) == [.rejected, .done])
    #expect(outcomes.first?.reason?.code == .processingFailed)
    #expect(root.scratch.files(in: "out/work").isEmpty)
  }

  @Test func aCommittedBatchFinishedAtStartUpCountsInTheRun() throws {
    let root = try TestRoot()
    try root.drop(sample: TestFiles.tabSample)
    let first = try #require(try root.runOnce().first)
    // As if the process had died between the manifest commit and the archive.
    let archived = try #require(root.scratch.files(in: "out/archive").first)
    try FileManager.default.moveItem(
      atPath: "\(root.layout.archive)/\(archived)", toPath: "\(root.layout.work)/\(archived)")
    let recovered = try #require(try root.runOnce().first)
    #expect(recovered.batch == first.batch)
    #expect(recovered.counts == first.counts)
    #expect(recovered.rejectedSomething)
    #expect(root.scratch.files(in: "out/work").isEmpty)
    #expect(root.payloads().count == 1)
  }

  @Test func anInterruptedConvertIsFinishedWhereItWasAskedFor() throws {
    let root = try TestRoot()
    let batch = "20261129-050000-beef"
    try FileManager.default.copyItem(
      atPath: TestFiles.tabSample, toPath: "\(root.layout.work)/\(batch)-Clients.Txt")
    var options = ConversionOptions()
    options.outputFolder = root.scratch.file("ailleurs")
    try FileManager.default.createDirectory(
      atPath: options.outputFolder!, withIntermediateDirectories: true)
    try Manifest(path: root.layout.manifest).recordOptions(options, of: batch)
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.batch == batch)
    #expect(root.scratch.files(in: "ailleurs").contains("\(batch)-accounts.json"))
    #expect(root.payloads().isEmpty)
  }

  /// How a copy claimed by `convert` may stand after a crash of the system.
  enum CopyAfterCrash: CaseIterable {
    case whole, cutShort, oneByteChanged, bytesNotRecorded, hashNotRecorded
  }

  /// `convert` syncs its copy only when the batch finishes: after a crash, the copy
  /// is converted again if it holds the bytes recorded when it was claimed; dropped
  /// if not, or if they were not recorded (its original was left in place).
  @Test(arguments: CopyAfterCrash.allCases)
  func anInterruptedConvertIsFinishedOnlyFromAWholeCopy(_ copyAfterCrash: CopyAfterCrash)
    throws
  {
    let root = try TestRoot()
    let batch = "20261129-050000-cafe"
    let copy = "\(root.layout.work)/\(batch)-Clients.Txt"
    try FileManager.default.copyItem(atPath: TestFiles.tabSample, toPath: copy)
    var bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
    let manifest = try Manifest(path: root.layout.manifest)
    try manifest.recordOptions(ConversionOptions(), of: batch, copied: true)
    let sha256 = try FileInspection.sha256(path: copy)
    switch copyAfterCrash {
    case .whole, .cutShort, .oneByteChanged:
      try manifest.recordCopy(ClaimedCopy(size: bytes.count, sha256: sha256), of: batch)
    case .bytesNotRecorded: break
    case .hashNotRecorded:
      try manifest.recordCopy(ClaimedCopy(size: bytes.count, sha256: nil), of: batch)
    }
    if copyAfterCrash == .cutShort { bytes = bytes.prefix(bytes.count / 2) }
    if copyAfterCrash == .oneByteChanged { bytes[bytes.count / 2] ^= 0x20 }
    try bytes.write(to: URL(fileURLWithPath: copy))
    let dropped = copyAfterCrash != .whole
    let outcomes = try root.runOnce()
    #expect(outcomes.map(\.batch) == (dropped ? [] : [batch]))
    #expect(outcomes.first?.state == (dropped ? nil : .done))
    #expect(root.payloads().count == (dropped ? 0 : 1))
    #expect(root.scratch.files(in: "out/work").isEmpty)
    #expect(root.scratch.files(in: "out/archive").count == (dropped ? 0 : 1))
  }

  @Test func aShortRowIsRejectedInsteadOfBlankingFields() throws {
    let root = try TestRoot()
    let builder = try CustomerExportBuilder()
    try root.drop(
      builder.build(count: 5) { index, fields in
        if index == 2 { fields.removeLast(40) }
      }, as: "Clients;court.csv")
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.counts.rejected == 1)
    #expect(outcome.counts.emitted == 4)
  }

  @Test func aVeryLongFileNameIsShortenedNotRefused() throws {
    let root = try TestRoot()
    let name = String(repeating: "Export des clients ", count: 12) + ".Txt"
    try root.drop(sample: TestFiles.tabSample, as: name)
    let outcome = try #require(try root.runOnce().first)
    #expect(outcome.state == .done)
    #expect(root.scratch.files(in: "watch/sage").isEmpty)
    #expect(root.scratch.files(in: "out/archive").allSatisfy { $0.utf8.count < 255 })
  }

  /// `convert` records its copy as recovery checks it: a copy, its size, its SHA-256.
  @Test func convertRecordsTheBytesItsCopyHolds() throws {
    let root = try TestRoot()
    let passerelle = Passerelle(root: root.scratch.path, settings: root.settings, clock: root.clock)
    let sample = TestFiles.sample("Export des clients.Txt")
    let outcome = try #require(try passerelle.convert(file: sample).last)
    let copy = try #require(try Manifest(path: root.layout.manifest).claimedCopy(of: outcome.batch))
    #expect(copy.size == (try Data(contentsOf: URL(fileURLWithPath: sample))).count)
    #expect(copy.sha256 == (try FileInspection.sha256(path: sample)))
  }

  /// The same file converted again as another entity is not a duplicate.
  @Test func aForcedEntityIsNotADuplicateOfAnotherReading() throws {
    let root = try TestRoot()
    let passerelle = Passerelle(root: root.scratch.path, settings: root.settings, clock: root.clock)
    let sample = TestFiles.sample("Export des clients.Txt")
    let first = try #require(try passerelle.convert(file: sample).last)
    #expect(first.entity == "customers")
    var options = ConversionOptions()
    options.entity = .customers
    #expect(try passerelle.convert(file: sample, options: options).last?.state == .duplicate)
    options.entity = .prospects
    let again = try #require(try passerelle.convert(file: sample, options: options).last)
    #expect(again.state == .done)
    #expect(again.entity == "prospects")
  }
}
