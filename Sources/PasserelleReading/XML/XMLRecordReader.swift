import CLibXML2
import Foundation
import PasserelleCore

/// Record-oriented XML (a root holding repeated record elements whose children
/// are fields) through libxml2's streaming reader. Nothing is ever fetched or
/// expanded: no network, no DTD, and any DOCTYPE rejects the file.
///
/// Exports often leave empty fields out of a record, so the columns are the labels
/// of every record: a first streaming pass collects them, the second reads rows.
package struct XMLRecordReader: RecordReader {
  let path: String
  let facts: FileFacts
  let limits: ReadLimits
  /// Labels are gathered from this many records only: enough to tell the entity
  /// without reading the whole file twice.
  var labelSample = Int.max

  init(path: String, facts: FileFacts, limits: ReadLimits, labelSample: Int = .max) {
    self.path = path
    self.facts = facts
    self.limits = limits
    self.labelSample = labelSample
  }

  private struct LabelSampleComplete: Error {}

  private static let initialised: Bool = {
    xmlInitParser()
    return true
  }()

  private enum NodeType {
    static let element: Int32 = 1
    static let text: Int32 = 3
    static let cdata: Int32 = 4
    static let entityReference: Int32 = 5
    static let entity: Int32 = 6
    static let doctype: Int32 = 10
    static let whitespace: Int32 = 13
    static let significantWhitespace: Int32 = 14
    static let endElement: Int32 = 15
  }

  package func read(header: ([String]) throws -> Void, row: (SourceRow) throws -> Void) throws {
    _ = Self.initialised
    try Self.refuseDoctype(path: path)
    let (labels, columns) = try gatherLabels()
    try header(labels)
    try readRows(labels: labels, columns: columns, row: row)
  }

  /// The first pass: the labels of the fields the records hold (of the first
  /// `labelSample` records), in order of appearance, and the column of each.
  private func gatherLabels() throws -> (labels: [String], columns: [String: Int]) {
    var columns: [String: Int] = [:]
    var labels: [String] = []
    var records = 0
    var seenNames = Set<UnsafeRawPointer>()
    do {
      try walk { reader, type, depth in
        if type == NodeType.element && depth == 1 {
          records += 1
          if records > labelSample { throw LabelSampleComplete() }
          if records > limits.maxRecords {
            throw FileRejection(
              .tooLarge, .tooManyRecords, ["limit": .number(limits.maxRecords)],
              line: currentLine(reader))
          }
        }
        guard type == NodeType.element && depth == 2 else { return }
        if xmlTextReaderHasAttributes(reader) != 1, let name = xmlTextReaderConstLocalName(reader),
          seenNames.contains(UnsafeRawPointer(name))
        {
          return  // a field name met before: nothing new
        }
        let label = fieldLabel(reader)
        if xmlTextReaderHasAttributes(reader) != 1, let name = xmlTextReaderConstLocalName(reader) {
          seenNames.insert(UnsafeRawPointer(name))
        }
        if columns[label] == nil {
          if labels.count >= limits.maxColumns {
            throw FileRejection(
              .tooLarge, .tooManyXMLFields, ["limit": .number(limits.maxColumns)],
              line: currentLine(reader))
          }
          columns[label] = labels.count
          labels.append(label)
        }
      }
    } catch is LabelSampleComplete {}
    if records == 0 { throw FileRejection(.emptyFile, .xmlNoRecord) }
    return (labels, columns)
  }

  /// The second pass: each record as a row of `labels.count` columns.
  private func readRows(
    labels: [String], columns: [String: Int], row: (SourceRow) throws -> Void
  ) throws {
    let record = SourceRow(encoding: .utf8)
    var columnByName: [UnsafeRawPointer: Int] = [:]
    var fieldColumn: Int? = nil
    var fieldText: [UInt8] = []
    var fieldLine = 0
    var recordBytes = 0
    try walk { reader, type, depth in
      switch (type, depth) {
      case (NodeType.element, 1):
        record.clear(columns: labels.count)
        record.line = currentLine(reader)
        recordBytes = 0
        if xmlTextReaderIsEmptyElement(reader) == 1 { try row(record) }
      case (NodeType.element, 2):
        fieldColumn = self.fieldColumn(reader, columns: columns, cache: &columnByName)
        fieldText.removeAll(keepingCapacity: true)
        fieldLine = currentLine(reader)
        if xmlTextReaderIsEmptyElement(reader) == 1 { fieldColumn = nil }
      case (NodeType.text, 3), (NodeType.cdata, 3), (NodeType.whitespace, 3),
        (NodeType.significantWhitespace, 3):
        guard let value = xmlTextReaderConstValue(reader) else { return }
        let text = UnsafeRawBufferPointer(start: value, count: strlen(value))
        fieldText.append(contentsOf: text)
        recordBytes += text.count
        if fieldText.count > limits.maxFieldBytes {
          throw FileRejection(
            .tooLarge, .valueTooLong, ["limit": .number(limits.maxFieldBytes)], line: fieldLine,
            field: fieldColumn.map { labels[$0] })
        }
        if recordBytes > limits.maxRecordBytes {
          throw FileRejection(
            .tooLarge, .recordTooLong, ["limit": .number(limits.maxRecordBytes)],
            line: record.line)
        }
      case (NodeType.endElement, 2):
        if let column = fieldColumn { fieldText.withUnsafeBytes { record.setField(column, $0) } }
        fieldColumn = nil
      case (NodeType.endElement, 1):
        try row(record)
      default:
        break
      }
    }
  }

  /// Streams the file's nodes to `visit`, turning every libxml2 complaint into a rejection.
  private func walk(_ visit: (xmlTextReaderPtr, Int32, Int) throws -> Void) throws {
    passerelle_xml_silence_generic_errors()
    let errors = XMLErrorCollector()
    // Files that are not UTF-8 and do not declare their encoding are read with the
    // encoding the whole-file inspection chose.
    let encoding: String? =
      facts.encoding == .windows1252 && !Self.declaresEncoding(path: path) ? "windows-1252" : nil
    // NOBLANKS only drops whitespace between elements (fewer nodes to visit); no
    // option that loads or expands anything is ever set.
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOBLANKS.rawValue)
    // libxml2 reads the file opened here, with its checks (a regular file, no link
    // followed), not whatever the path names by the time it would open it.
    let file = try InputFile(path: path)
    guard let reader = xmlReaderForFd(file.descriptor, path, encoding, options) else {
      throw FileRejection(.malformedXML, .xmlCannotOpen)
    }
    defer {
      xmlFreeTextReader(reader)
      withExtendedLifetime(file) {}
    }
    xmlTextReaderSetStructuredErrorHandler(
      reader, xmlErrorReceived, Unmanaged.passUnretained(errors).toOpaque())
    func fail() -> FileRejection {
      if errors.hitParserLimit {
        return FileRejection(
          .tooLarge, .xmlParserLimit,
          ["limit": .number(10_000_000), "parser": .text(errors.message ?? "")],
          line: errors.line)
      }
      return FileRejection(
        .malformedXML, .xmlNotWellFormed, ["parser": .text(errors.message ?? "?")],
        line: errors.line)
    }
    while true {
      let status = xmlTextReaderRead(reader)
      if status == 0 { break }
      if status < 0 || errors.message != nil { throw fail() }
      let depth = Int(xmlTextReaderDepth(reader))
      let type = xmlTextReaderNodeType(reader)
      if depth > limits.maxXMLDepth {
        throw FileRejection(
          .tooLarge, .xmlTooDeep, ["limit": .number(limits.maxXMLDepth)],
          line: currentLine(reader))
      }
      switch type {
      case NodeType.doctype:
        throw FileRejection(
          .xmlDoctypeForbidden, .xmlDoctype,
          line: currentLine(reader))
      case NodeType.entityReference, NodeType.entity:
        throw FileRejection(
          .xmlDoctypeForbidden, .xmlEntityReference, line: currentLine(reader))
      default:
        try visit(reader, type, depth)
      }
    }
    if errors.message != nil { throw fail() }
  }

  /// libxml2 parses a DOCTYPE's internal subset before the reader reports it, so a
  /// DOCTYPE is refused from the prolog's bytes first, before libxml2 sees the file.
  static func refuseDoctype(path: String) throws {
    try withProlog(path: path) { bytes in
      let doctype = Array("<!DOCTYPE".utf8)
      var line = 1
      for index in bytes.indices {
        let byte = bytes[index]
        if byte == 0x0A { line += 1 }
        guard byte == UInt8(ascii: "<"), index + 1 < bytes.count else { continue }
        let next = bytes[index + 1]
        if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") { return }  // the root element
        if index + doctype.count <= bytes.count,
          zip(bytes[index..<index + doctype.count], doctype).allSatisfy({ $0 == $1 })
        {
          throw FileRejection(
            .xmlDoctypeForbidden, .xmlDoctype,
            line: line)
        }
      }
    }
  }

  /// True when the XML declaration names an encoding.
  static func declaresEncoding(path: String) -> Bool {
    var found = false
    try? withProlog(path: path) { bytes in
      guard let end = bytes.firstIndex(of: UInt8(ascii: ">")) else { return }
      let declaration = String(decoding: bytes[..<end], as: UTF8.self)
      found = declaration.hasPrefix("<?xml") && declaration.contains("encoding")
    }
    return found
  }

  private static func withProlog(path: String, _ body: (UnsafeRawBufferPointer) throws -> Void)
    throws
  {
    let file = try InputFile(path: path)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    defer { buffer.deallocate() }
    let count = try file.readFully(into: buffer)
    var start = 0
    if count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
    try body(UnsafeRawBufferPointer(rebasing: buffer[start..<count]))
  }

  private func currentLine(_ reader: xmlTextReaderPtr) -> Int {
    // Element nodes store their line in 16 bits: from 65535 on, the parser's position
    // is the better answer.
    if let node = xmlTextReaderCurrentNode(reader) {
      let line = Int(xmlGetLineNo(node))
      if line > 0 && line < 65535 { return line }
    }
    return Int(xmlTextReaderGetParserLineNumber(reader))
  }

  /// A field is named by its element, or by a `nom`/`name` attribute holding the exact label.
  private func fieldLabel(_ reader: xmlTextReaderPtr) -> String {
    if xmlTextReaderHasAttributes(reader) == 1 {
      if let label = attributeLabel(reader) { return label }
    }
    guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
    return String(cString: name)
  }

  private func attributeLabel(_ reader: xmlTextReaderPtr) -> String? {
    for attribute in ["nom", "name", "label", "libelle"] {
      if let value = xmlTextReaderGetAttribute(reader, attribute) {
        defer { passerelle_xml_free(value) }
        return String(cString: value)
      }
    }
    return nil
  }

  /// Column of a field element. Element names come from libxml2's dictionary, where
  /// a name has one address for the whole file: fields named by their element are
  /// looked up by that address, without building a string each time.
  private func fieldColumn(
    _ reader: xmlTextReaderPtr, columns: [String: Int], cache: inout [UnsafeRawPointer: Int]
  ) -> Int? {
    if xmlTextReaderHasAttributes(reader) == 1, let label = attributeLabel(reader) {
      return columns[label]
    }
    guard let name = xmlTextReaderConstLocalName(reader) else { return nil }
    let key = UnsafeRawPointer(name)
    if let column = cache[key] { return column }
    let column = columns[String(cString: name)]
    if let column { cache[key] = column }
    return column
  }
}

private func xmlErrorReceived(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
  guard let context, let error else { return }
  let collector = Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue()
  guard collector.message == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else {
    return
  }
  let text = error.pointee.message.map { String(cString: $0) } ?? "XML error"
  // libxml2 breaks some messages over lines; a log line and a report cell hold one.
  collector.message = text.split(whereSeparator: \.isNewline)
    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
  collector.line = Int(error.pointee.line)
  collector.hitParserLimit = text.range(of: "huge text node", options: .caseInsensitive) != nil
}
