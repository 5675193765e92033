@testable import FuzzSupport
@testable import PasserelleKit

/// The delimited-text reader (libcsv, repairs, limits) on any bytes. Oracle: the
/// rows, or the rejection, do not depend on where chunk boundaries fall.
FuzzDriver.run { data, size in
  guard let data else { return 0 }
  let path = FuzzInput.file(data, size, suffix: ".Txt")
  var facts: FileFacts? = nil
  guard
    FuzzInput.rejection({ facts = try FileInspection.inspect(path: path, limits: FuzzInput.limits) }
    ) == nil,
    let facts
  else { return 0 }
  var whole: [[String]] = []
  let wholeRejection = FuzzInput.rejection { whole = try FuzzInput.rows(path: path, facts: facts) }
  let chunkSize = FuzzInput.chunkSize(data, size)
  guard chunkSize != 1 << 16 else { return 0 }
  var chunked: [[String]] = []
  let chunkedRejection = FuzzInput.rejection {
    chunked = try FuzzInput.rows(path: path, facts: facts, chunkSize: chunkSize)
  }
  expect(
    wholeRejection?.code == chunkedRejection?.code
      && wholeRejection?.line == chunkedRejection?.line,
    "chunks of \(chunkSize) bytes: \(String(describing: chunkedRejection)) instead of \(String(describing: wholeRejection))"
  )
  if wholeRejection == nil {
    expect(whole == chunked, "chunks of \(chunkSize) bytes read other rows")
  }
  return 0
}
