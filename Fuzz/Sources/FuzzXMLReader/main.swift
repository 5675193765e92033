@testable import FuzzSupport
@testable import PasserelleCore
@testable import PasserelleReading

/// The XML record reader (libxml2's streaming reader, DOCTYPE refusal, limits) on
/// any bytes: every record read, every value decoded; only rejections may stop it.
FuzzDriver.run { data, size in
  guard let data else { return 0 }
  let path = FuzzInput.file(data, size, suffix: ".xml")
  _ = FuzzInput.rejection {
    let facts = try FileInspection.inspect(path: path, limits: FuzzInput.limits)
    var labels: [String] = []
    try XMLRecordReader(path: path, facts: facts, limits: FuzzInput.limits).read(
      header: { labels = $0 },
      row: { row in
        expect(row.fieldCount == labels.count, "a row and its header disagree")
        for column in 0..<row.fieldCount { _ = row.text(column) }
      })
  }
  return 0
}
