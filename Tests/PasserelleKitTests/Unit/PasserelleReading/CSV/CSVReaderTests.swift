import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleReading

@Suite struct CSVReaderTests {
  @Test func readsTheSageTabExportInWindows1252() throws {
    let facts = try FileInspection.inspect(path: TestFiles.tabSample, limits: ReadLimits())
    #expect(facts.encoding == .windows1252)
    let result = try readAll(TestFiles.tabSample)
    #expect(result.labels.count == 88)
    #expect(result.labels[0] == "Code")
    #expect(result.labels.contains("Fonction  du contact"))
    #expect(result.labels.last == "Type de client")
    #expect(result.rows.count == 40)
    #expect(result.rows.first?.line == 2)
    #expect(result.rows.last?.line == 41)
    // Accented text decoded from Windows-1252.
    #expect(result.rows.contains { $0.values.contains { $0.contains("é") } })
  }

  @Test func readsTheExcelSemicolonExportWithQuotedLineBreaks() throws {
    let facts = try FileInspection.inspect(path: TestFiles.excelSample, limits: ReadLimits())
    #expect(facts.encoding == .utf8)
    #expect(facts.bomLength == 3)
    let result = try readAll(TestFiles.excelSample)
    #expect(result.labels.first == "Code")  // no BOM glued to the first label
    #expect(result.labels.count == 88)
    #expect(result.rows.count == 40)
    let notes = result.labels.firstIndex(of: "Observations")!
    let multiline = try #require(result.rows.first { $0.values[notes].contains("\n") })
    // The row after a quoted line break starts one physical line later than its index says.
    let index = result.rows.firstIndex { $0.line == multiline.line }!
    #expect(result.rows[index + 1].line > multiline.line + 1)
  }

  @Test func tabAndSemicolonSamplesHoldTheSameCustomers() throws {
    let tab = try readAll(TestFiles.tabSample)
    let excel = try readAll(TestFiles.excelSample)
    #expect(tab.rows.map { $0.values[0] } == excel.rows.map { $0.values[0] })
  }

  @Test(arguments: [
    ("a\tb;c\n", UInt8(0x09)), ("a;b;c\n", UInt8(ascii: ";")), ("a,b,c\n", UInt8(ascii: ",")),
    ("\"x;y\",b,c\n", UInt8(ascii: ",")), ("single\n", UInt8(0x09)),
  ])
  func detectsTheSeparatorFromTheHeaderLine(line: String, expected: UInt8) {
    #expect(CSVReader.detectDelimiter(Array(line.utf8)) == expected)
  }

  @Test func keepsPhysicalLineNumbersAcrossBlankLinesAndLineEndings() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("mixed.csv")
    try TestFiles.write("Code;Nom\r\nA;un\r\n\r\nB;\"deux\nlignes\"\nC;trois\n", to: path)
    let result = try readAll(path)
    #expect(result.rows.map(\.line) == [2, 4, 6])
    #expect(result.rows[1].values == ["B", "deux\nlignes"])
  }

  @Test func keepsSpacesAndStrayQuotesThatSageWrites() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("quotes.txt")
    try TestFiles.write("Code\tNom\tNote\nA1\tEcran 24\" pouces\t  x  \n", to: path)
    let result = try readAll(path)
    #expect(result.rows[0].values == ["A1", "Ecran 24\" pouces", "x"])
  }

  @Test func aQuotedValueStillOpenAtTheEndRejectsTheFile() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("open.csv")
    try TestFiles.write("Code;Nom\nA;x\nB;\"jamais fermé\nC;y\n", to: path)
    let found = rejection { _ = try readAll(path) }
    #expect(found?.code == .malformedCSV)
    #expect(found?.line == 3)
    #expect(found?.message.text(in: .english).contains("ends inside a quoted value") == true)
  }

  @Test func aStrayQuoteInASageTabExportStaysOnItsLine() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("stray.txt")
    try TestFiles.write(
      "Code\tNom\tVille\nC1\t\"Chez Paul\" Restaurant\tLyon\nC2\t\"Le Zinc\tParis\nC3\tLe \"Bar\"\tNantes\n",
      to: path)
    let result = try readAll(path)
    #expect(result.rows.map(\.line) == [2, 3, 4])
    #expect(
      result.rows.map(\.values) == [
        ["C1", "\"Chez Paul\" Restaurant", "Lyon"], ["C2", "\"Le Zinc", "Paris"],
        ["C3", "Le \"Bar\"", "Nantes"],
      ])
  }

  @Test func aLineBreakInsideASageValueIsJoinedBack() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("memo.txt")
    try TestFiles.write(
      "Code\tObservations\tVille\r\nC1\tpremière\r\nseconde\r\ntroisième\tLyon\r\nC2\tx\tParis\r\n",
      to: path)
    let result = try readAll(path)
    #expect(result.rows.map(\.line) == [2, 5])
    #expect(result.rows[0].values == ["C1", "première\nseconde\ntroisième", "Lyon"])
    #expect(result.rows[1].values == ["C2", "x", "Paris"])
  }

  @Test func countsLinesEndedByCarriageReturnsAlone() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("mac.txt")
    try TestFiles.write("Code\tNom\rA\tun\rB\tdeux\r", to: path)
    let result = try readAll(path)
    #expect(result.rows.map(\.line) == [2, 3])
  }

  @Test func aRunawayQuoteRejectsTheFileOnceItSpansTheLineLimit() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("runaway.csv")
    let body = String(repeating: "x", count: 100) + "\n"
    try TestFiles.write(
      "Code;Nom\nA;\"" + String(repeating: body, count: 2_000) + "Z;fin\"\n", to: path)
    var rowsSeen = 0
    let found = rejection {
      try CSVReader(
        path: path, facts: try FileInspection.inspect(path: path, limits: ReadLimits()),
        limits: ReadLimits()
      ).read(
        header: { _ in }, row: { _ in rowsSeen += 1 })
    }
    #expect(found?.code == .malformedCSV)
    #expect(found?.line == 2)
    #expect(found?.message.text(in: .english).contains("within 50 lines") == true)
    #expect(found?.message.text(in: .french).contains("dans les 50 lignes suivantes") == true)
    #expect(rowsSeen == 0)
  }

  @Test func aLineOverTheRecordLimitIsRejected() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("long.csv")
    var limits = ReadLimits()
    limits.maxRecordBytes = 64 * 1024
    try TestFiles.write("Code;Nom\nA;" + String(repeating: "y", count: 100_000) + "\n", to: path)
    let found = rejection { _ = try readAll(path, limits: limits) }
    #expect(found?.code == .tooLarge)
    #expect(found?.line == 2)
  }

  @Test func rejectsAnOversizedField() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("field.csv")
    var limits = ReadLimits()
    limits.maxFieldBytes = 1_000
    try TestFiles.write("Code;Nom\nA;" + String(repeating: "y", count: 5_000) + "\n", to: path)
    let found = rejection { _ = try readAll(path, limits: limits) }
    #expect(found?.code == .tooLarge)
    #expect(found?.field == "Nom")
  }

  @Test func rejectsTooManyColumns() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("wide.csv")
    var limits = ReadLimits()
    limits.maxColumns = 50
    try TestFiles.write(
      (0..<60).map { "c\($0)" }.joined(separator: ";") + "\n", to: path)
    #expect(rejection { _ = try readAll(path, limits: limits) }?.code == .tooLarge)
  }

  @Test func rejectsAFileOverTheSizeLimit() throws {
    var limits = ReadLimits()
    limits.maxFileBytes = 1_000
    let found = rejection {
      _ = try FileInspection.inspect(path: TestFiles.tabSample, limits: limits)
    }
    #expect(found?.code == .tooLarge)
  }
}

/// What a file says must not depend on how its bytes arrive: a read may return
/// fewer bytes than asked (network shares), so every chunk boundary is possible.
@Suite struct ReadSizeTests {
  static let files = [
    "Export des clients.Txt", "clients-excel.csv", "Export des factures.Txt",
    "Export des articles.Txt",
  ]

  @Test(arguments: files)
  func theSameFactsAndRowsWhateverTheReadSize(_ name: String) throws {
    let path = TestFiles.sample(name)
    let whole = try FileInspection.inspect(path: path, limits: ReadLimits())
    var expected: [[String]] = []
    try CSVReader(path: path, facts: whole, limits: ReadLimits()).read(
      header: { _ in }, row: { row in expected.append((0..<row.fieldCount).map(row.text)) })
    #expect(expected.count > 10)
    for size in [1, 2, 3, 7, 4093] {
      let facts = try FileInspection.inspect(path: path, limits: ReadLimits(), chunkSize: size)
      #expect(facts == whole, "reads of \(size) bytes")
      var reader = CSVReader(path: path, facts: facts, limits: ReadLimits())
      reader.chunkSize = size
      var rows: [[String]] = []
      try reader.read(
        header: { _ in }, row: { row in rows.append((0..<row.fieldCount).map(row.text)) })
      #expect(rows == expected, "reads of \(size) bytes")
    }
  }

  /// A quoted value opened on line 2 runs into a 3,000-byte line 3: the record
  /// is too large, named at line 2, however the bytes arrive (read in small
  /// pieces, line 3 alone used to be blamed, as "a line" too long).
  @Test func aRecordOverTheLimitIsNamedAtItsStartWhateverTheReadSize() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("long.csv")
    try TestFiles.write(
      "Code;Nom\nA;\"" + String(repeating: "x", count: 1_000) + "\n"
        + String(repeating: "y", count: 3_000) + "\"\n",
      to: path)
    var limits = ReadLimits()
    limits.maxRecordBytes = 2_048
    for size in [34, 1 << 16] {
      let found = rejection {
        let facts = try FileInspection.inspect(path: path, limits: limits)
        var reader = CSVReader(path: path, facts: facts, limits: limits)
        reader.chunkSize = size
        try reader.read(header: { _ in }, row: { _ in })
      }
      #expect(found?.code == .tooLarge, "reads of \(size) bytes")
      #expect(found?.line == 2, "reads of \(size) bytes")
      #expect(found?.message == Message(.recordTooLong, ["limit": 2048]), "reads of \(size) bytes")
    }
  }

  /// A line of 2,048 bytes up to its CR, holding a 600-byte value: over the record
  /// limit once its line break is counted, which a read ending between CR and LF
  /// must not change (it used to report the value instead).
  @Test func aReadEndingBetweenCarriageReturnAndLineFeedChangesNothing() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("crlf.csv")
    let value = String(repeating: "v", count: 600)
    let line = "A;" + value + ";" + String(repeating: "w", count: 2_048 - 4 - 600)
    #expect(line.utf8.count == 2_047)
    try TestFiles.write("Code;Nom;Note\r\n" + line + "\r\n", to: path)
    var limits = ReadLimits()
    limits.maxFieldBytes = 512
    limits.maxRecordBytes = 2_048
    let header = "Code;Nom;Note\r\n".utf8.count
    var verdicts: [String] = []
    for size in [1, 2, 3, header + 2_047 + 1, 1 << 16] {
      let found = rejection {
        let facts = try FileInspection.inspect(path: path, limits: limits)
        var reader = CSVReader(path: path, facts: facts, limits: limits)
        reader.chunkSize = size
        try reader.read(header: { _ in }, row: { _ in })
      }
      verdicts.append(found.map { "\($0)" } ?? "read")
    }
    #expect(Set(verdicts).count == 1, "\(verdicts)")
    #expect(
      verdicts.first
        == "too-large: Un enregistrement dépasse 2048 octets : corriger la fiche dans Sage 50 puis exporter de nouveau (ligne 2)."
    )
  }

  @Test func aByteOrderMarkSplitAcrossReadsIsStillTheMark() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("bom.csv")
    #expect(
      FileManager.default.createFile(
        atPath: path, contents: Data([0xEF, 0xBB, 0xBF] + Array("Code;Nom\r\nC1;Café\r\n".utf8))))
    for size in [1, 2, 3, 64] {
      let facts = try FileInspection.inspect(path: path, limits: ReadLimits(), chunkSize: size)
      #expect(facts.bomLength == 3 && facts.encoding == .utf8, "reads of \(size) bytes")
    }
  }
}

@Suite struct CSVRepairTests {
  @Test func severalUnclosedQuotesNearTheEndOfATabExportLoseNoRow() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("quotes.txt")
    try TestFiles.write(
      "Code\tNom\tNote\nA\tun\t\"ouverte\nB\tdeux\tok\nC\ttrois\t\"encore\nD\tquatre\tok\n",
      to: path)
    let result = try readAll(path)
    #expect(result.rows.map { $0.values[0] } == ["A", "B", "C", "D"])
    #expect(result.rows.map(\.line) == [2, 3, 4, 5])
  }

  @Test func shortRowsThatNeverAddUpAreEachKept() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("short.txt")
    let header = (0..<10).map { "C\($0)" }.joined(separator: "\t")
    let short = (0..<4).map { "v\($0)" }.joined(separator: "\t")
    try TestFiles.write(
      header + "\n" + (1...6).map { "K\($0)\t" + short }.joined(separator: "\n") + "\n",
      to: path)
    let result = try readAll(path)
    #expect(result.rows.map { $0.values[0] } == ["K1", "K2", "K3", "K4", "K5", "K6"])
    #expect(result.rows.map(\.line) == [2, 3, 4, 5, 6, 7])
  }

  @Test func aJoinedValueStillHasToFitTheLimits() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("memo.txt")
    var limits = ReadLimits()
    limits.maxFieldBytes = 1_000
    let piece = String(repeating: "x", count: 600)
    try TestFiles.write("Code\tNote\tVille\nA\t\(piece)\n\(piece)\tLyon\n", to: path)
    let found = rejection { _ = try readAll(path, limits: limits) }
    #expect(found?.code == .tooLarge)
    #expect(found?.field == "Note")
  }

  @Test func blankLinesBeforeTheHeaderDoNotHideTheSeparator() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("blank.csv")
    try TestFiles.write("\r\n\r\nCode;Nom\r\nA;un\r\n", to: path)
    let result = try readAll(path)
    #expect(result.labels == ["Code", "Nom"])
    #expect(result.rows.first?.values == ["A", "un"])
    #expect(result.rows.first?.line == 4)
  }
}
