import PasserelleCore

/// The reader of a Sage export and the encoding of the rows it hands out (libxml2
/// gives UTF-8 whatever the file's encoding).
package struct ExportReader {
  package let reader: any RecordReader
  package let encoding: TextEncoding

  /// `labelSample`: in XML, how many records to take the labels from.
  package init(path: String, facts: FileFacts, limits: ReadLimits, labelSample: Int = .max) {
    if FileFormat.sniff(path: path, bomLength: facts.bomLength) == .xml {
      reader = XMLRecordReader(path: path, facts: facts, limits: limits, labelSample: labelSample)
      encoding = .utf8
    } else {
      reader = CSVReader(path: path, facts: facts, limits: limits)
      encoding = facts.encoding
    }
  }
}
