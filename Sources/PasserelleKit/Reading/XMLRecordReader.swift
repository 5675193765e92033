import CLibXML2
import Foundation

/// Record-oriented XML (a root holding repeated record elements whose children
/// are fields) through libxml2's streaming reader. Nothing is ever fetched or
/// expanded: no network, no DTD, and any DOCTYPE rejects the file.
struct XMLRecordReader: RecordReader {
  let path: String
  let limits: ReadLimits

  private static let initialised: Bool = {
    xmlInitParser()
    return true
  }()

  func read(header: ([String]) throws -> Void, row: (SourceRow) throws -> Void) throws {
    _ = Self.initialised
    try Self.refuseDoctype(path: path)
    let errors = XMLErrorCollector()
    guard
      let reader = xmlReaderForFile(path, nil, Int32(XML_PARSE_NONET.rawValue))
    else {
      throw FileRejection(.malformedXML, "libxml2 cannot open the file")
    }
    defer { xmlFreeTextReader(reader) }
    xmlTextReaderSetStructuredErrorHandler(
      reader, xmlErrorReceived, Unmanaged.passUnretained(errors).toOpaque())

    let record = SourceRow(encoding: .utf8)
    var columns: [String: Int] = [:]
    var labels: [String] = []
    var headerSent = false
    var fieldColumn: Int? = nil
    var fieldText: [UInt8] = []
    var fieldLine = 0

    func fail() -> FileRejection {
      FileRejection(
        .malformedXML, errors.message ?? "the XML is not well-formed", line: errors.line)
    }

    while true {
      let status = xmlTextReaderRead(reader)
      if status == 0 { break }
      if status < 0 || errors.message != nil { throw fail() }
      let depth = Int(xmlTextReaderDepth(reader))
      let type = xmlTextReaderNodeType(reader)
      if depth > limits.maxXMLDepth {
        throw FileRejection(
          .tooLarge, "elements nest deeper than \(limits.maxXMLDepth) levels",
          line: currentLine(reader))
      }
      switch type {
      case 10:  // DOCTYPE
        throw FileRejection(
          .xmlDoctypeForbidden, "the file declares a DOCTYPE; entities are never expanded",
          line: currentLine(reader))
      case 5, 6:  // entity reference or declaration left unexpanded
        throw FileRejection(
          .xmlDoctypeForbidden, "the file uses entity references", line: currentLine(reader))
      case 1 where depth == 1:  // a record starts
        record.clear(columns: labels.count)
        record.line = currentLine(reader)
      case 1 where depth == 2:  // a field starts
        let label = fieldLabel(reader)
        if let known = columns[label] {
          fieldColumn = known
        } else if !headerSent {
          columns[label] = labels.count
          fieldColumn = labels.count
          labels.append(label)
          record.addColumn()
        } else {
          fieldColumn = nil  // a label the first record did not have
        }
        fieldText.removeAll(keepingCapacity: true)
        fieldLine = currentLine(reader)
        if xmlTextReaderIsEmptyElement(reader) == 1 { fieldColumn = nil }
      case 3 where depth == 3, 4 where depth == 3, 13 where depth == 3, 14 where depth == 3:
        // Text, CDATA or spaces inside a field.
        if let value = xmlTextReaderConstValue(reader) {
          let text = UnsafeRawBufferPointer(start: value, count: strlen(value))
          fieldText.append(contentsOf: text)
          if fieldText.count > limits.maxFieldBytes {
            throw FileRejection(
              .tooLarge, "a value is longer than \(limits.maxFieldBytes) bytes", line: fieldLine,
              field: fieldColumn.map { labels[$0] })
          }
        }
      case 15 where depth == 2:  // a field ends
        if let column = fieldColumn {
          fieldText.withUnsafeBytes { record.setField(column, $0) }
        }
        fieldColumn = nil
      case 15 where depth == 1:  // a record ends
        try emit(record)
      default:
        break
      }
    }
    if errors.message != nil { throw fail() }
    if !headerSent {
      throw FileRejection(.emptyFile, "the XML holds no record element")
    }

    func emit(_ record: SourceRow) throws {
      if !headerSent {
        headerSent = true
        try header(labels)
      }
      try row(record)
    }
  }

  /// libxml2 parses a DOCTYPE's internal subset before the reader reports it, so a
  /// DOCTYPE is refused from the prolog's bytes first, before libxml2 sees the file.
  static func refuseDoctype(path: String) throws {
    let file = try InputFile(path: path)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    defer { buffer.deallocate() }
    let count = try file.read(into: buffer)
    let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
    let doctype = Array("<!DOCTYPE".utf8)
    var index = 0
    var line = 1
    while index < count {
      let byte = bytes[index]
      if byte == 0x0A { line += 1 }
      if byte == UInt8(ascii: "<"), index + 1 < count {
        let next = bytes[index + 1]
        if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") { return }  // the root element
        if index + doctype.count <= count,
          zip(bytes[index..<index + doctype.count], doctype).allSatisfy({ $0 == $1 })
        {
          throw FileRejection(
            .xmlDoctypeForbidden, "the file declares a DOCTYPE; entities are never expanded",
            line: line)
        }
      }
      index += 1
    }
  }

  private func currentLine(_ reader: xmlTextReaderPtr) -> Int {
    if let node = xmlTextReaderCurrentNode(reader) {
      let line = Int(xmlGetLineNo(node))
      if line > 0 { return line }
    }
    return Int(xmlTextReaderGetParserLineNumber(reader))
  }

  /// A field is named by its element, or by a `nom`/`name` attribute holding the exact label.
  private func fieldLabel(_ reader: xmlTextReaderPtr) -> String {
    for attribute in ["nom", "name", "label", "libelle"] {
      if let value = xmlTextReaderGetAttribute(reader, attribute) {
        defer { passerelle_xml_free(value) }
        return String(cString: value)
      }
    }
    guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
    return String(cString: name)
  }
}

/// Keeps the first error libxml2 reports, instead of letting it print to stderr.
final class XMLErrorCollector {
  var message: String? = nil
  var line: Int? = nil
}

private func xmlErrorReceived(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
  guard let context, let error else { return }
  let collector = Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue()
  guard collector.message == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else {
    return
  }
  let text = error.pointee.message.map { String(cString: $0) } ?? "XML error"
  collector.message = text.trimmingCharacters(in: .whitespacesAndNewlines)
  collector.line = Int(error.pointee.line)
}
