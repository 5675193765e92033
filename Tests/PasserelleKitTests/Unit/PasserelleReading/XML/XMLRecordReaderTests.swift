import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleReading

@Suite struct XMLRecordReaderTests {
  @Test func readsTheRecordOrientedSample() throws {
    let result = try readAll(TestFiles.xmlSample)
    let tab = try readAll(TestFiles.tabSample)
    #expect(result.rows.count == 40)
    #expect(Header(labels: result.labels).column(CustomerColumn.vatNumber.field) != nil)
    #expect(Header(labels: result.labels).column(FieldLabel("Fonction  du contact")) != nil)
    #expect(result.rows.map { $0.values[0] } == tab.rows.map { $0.values[0] })
    #expect(result.rows[0].line > 2)
  }

  @Test func reportsTheLineOfEachRecordElement() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("c.xml")
    try TestFiles.write(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <Clients>
        <Client>
          <Code>A</Code>
          <Champ nom="N° TVA intracom">FR40303265045</Champ>
        </Client>
        <Client><Code>B</Code><Champ nom="N° TVA intracom"/></Client>
        <Client>
          <Code><![CDATA[C & co]]></Code>
        </Client>
      </Clients>
      """, to: path)
    let result = try readAll(path)
    #expect(result.labels == ["Code", "N° TVA intracom"])
    #expect(result.rows.map(\.line) == [3, 7, 8])
    #expect(result.rows.map(\.values) == [["A", "FR40303265045"], ["B", ""], ["C & co", ""]])
  }

  @Test func rejectsAnyDoctype() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("lol.xml")
    try TestFiles.write(
      """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [
        <!ENTITY lol "lol">
        <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
      ]>
      <Clients><Client><Code>&lol3;</Code></Client></Clients>
      """, to: path)
    #expect(rejection { _ = try readAll(path) }?.code == .xmlDoctypeForbidden)
  }

  @Test func rejectsExternalEntitiesWithoutReadingThem() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("xxe.xml")
    try TestFiles.write(
      """
      <?xml version="1.0"?>
      <!DOCTYPE c [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
      <Clients><Client><Code>&secret;</Code></Client></Clients>
      """, to: path)
    #expect(rejection { _ = try readAll(path) }?.code == .xmlDoctypeForbidden)
  }

  @Test func rejectsMalformedXMLWithItsLine() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("broken.xml")
    try TestFiles.write(
      "<?xml version=\"1.0\"?>\n<Clients>\n<Client><Code>A</Nom></Client>\n</Clients>\n", to: path)
    let found = rejection { _ = try readAll(path) }
    #expect(found?.code == .malformedXML)
    #expect(found?.line == 3)
  }

  @Test func rejectsDeepNesting() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("deep.xml")
    try TestFiles.write(
      "<r>" + String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100) + "</r>",
      to: path)
    #expect(rejection { _ = try readAll(path) }?.code == .tooLarge)
  }

  @Test func rejectsAFileWithoutRecords() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("none.xml")
    try TestFiles.write("<?xml version=\"1.0\"?>\n<Clients/>\n", to: path)
    #expect(rejection { _ = try readAll(path) }?.code == .emptyFile)
  }
}

@Suite struct XMLColumnsTests {
  @Test func fieldsMissingFromTheFirstRecordAreStillRead() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("sparse.xml")
    try TestFiles.write(
      """
      <Clients>
        <Client><Nom>Sans code</Nom></Client>
        <Client><Code>B</Code><E-mail>b@exemple.fr</E-mail></Client>
      </Clients>
      """, to: path)
    let result = try readAll(path)
    #expect(result.labels == ["Nom", "Code", "E-mail"])
    #expect(result.rows.map(\.values) == [["Sans code", "", ""], ["", "B", "b@exemple.fr"]])
  }

  @Test func limitsTheNumberOfDifferentFields() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("wide.xml")
    var limits = ReadLimits()
    limits.maxColumns = 100
    let fields = (0..<500).map { "<F\($0)>x</F\($0)>" }.joined()
    try TestFiles.write("<R><C>\(fields)</C></R>", to: path)
    #expect(rejection { _ = try readAll(path, limits: limits) }?.code == .tooLarge)
  }

  @Test func reportsLinesBeyond65535() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("long.xml")
    let padding = String(repeating: "\n", count: 70_000)
    try TestFiles.write("<Clients>\(padding)<Client><Code>A</Code></Client></Clients>", to: path)
    #expect(try readAll(path).rows.first?.line == 70_001)
  }

  @Test func readsUndeclaredWindows1252() throws {
    let scratch = try TestFiles.scratch()
    let path = scratch.file("ansi.xml")
    try TestFiles.write(
      "<Clients><Client><Code>A</Code><Nom>Société</Nom></Client></Clients>", to: path,
      encoding: .windowsCP1252)
    #expect(try readAll(path).rows.first?.values == ["A", "Société"])
  }
}
