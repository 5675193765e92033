@testable import FuzzSupport
@testable import PasserelleCore
@testable import PasserelleReading

/// The delimited-text reader (libcsv, repairs, limits) on any bytes. Oracle: the
/// rows, or the rejection (code, message, line, field), are the same whatever the
/// size of each read, down to one byte.
FuzzDriver.run { data, size in
  guard let data else { return 0 }
  let path = FuzzInput.file(data, size, suffix: ".Txt")
  var facts: FileFacts? = nil
  let inspection = FuzzInput.rejection {
    facts = try FileInspection.inspect(path: path, limits: FuzzInput.limits)
  }
  guard inspection == nil, let facts else { return 0 }
  var whole: [[String]] = []
  let wholeRejection = FuzzInput.rejection { whole = try FuzzInput.rows(path: path, facts: facts) }
  // Reads of a byte or two cost a call each: kept for inputs small enough.
  for chunkSize in size <= 2_048 ? [1, 2, 3, 64, 4093] : [7, 64, 4093] {
    var chunked: [[String]] = []
    let chunkedRejection = FuzzInput.rejection {
      chunked = try FuzzInput.rows(path: path, facts: facts, chunkSize: chunkSize)
    }
    expect(
      chunkedRejection == wholeRejection,
      "reads of \(chunkSize) bytes: \(String(describing: chunkedRejection)) instead of \(String(describing: wholeRejection))"
    )
    expect(wholeRejection != nil || whole == chunked, "reads of \(chunkSize) bytes: other rows")
  }
  return 0
}
