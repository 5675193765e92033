@testable import PasserelleCore
@testable import PasserelleReading

/// Reads a whole (small) test file into memory through a real reader.
struct ReadResult {
  var labels: [String] = []
  var rows: [(line: Int, values: [String])] = []
}

func readAll(_ path: String, limits: ReadLimits = ReadLimits()) throws -> ReadResult {
  let facts = try FileInspection.inspect(path: path, limits: limits)
  let reader: RecordReader =
    FileFormat.sniff(path: path, bomLength: facts.bomLength) == .xml
    ? XMLRecordReader(path: path, facts: facts, limits: limits)
    : CSVReader(path: path, facts: facts, limits: limits)
  var result = ReadResult()
  try reader.read(
    header: { result.labels = $0 },
    row: { row in
      result.rows.append((row.line, (0..<max(row.columnCount, row.fieldCount)).map(row.text)))
    })
  return result
}

func rejection(of body: () throws -> Void) -> FileRejection? {
  do {
    try body()
    return nil
  } catch let rejection as FileRejection {
    return rejection
  } catch {
    // Not a rejection at all: a code no reader throws, so no expectation matches it.
    return FileRejection(.processingFailed, .verbatim("unexpected error \(error)"))
  }
}
