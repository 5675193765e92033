@testable import FuzzSupport
@testable import PasserelleCore
@testable import PasserelleReading

/// Encoding detection (UTF-8 validation, byte-order marks, NUL bytes, Windows-1252
/// fallback). Oracles: the verdict does not depend on chunk boundaries, and a file
/// called UTF-8 is valid UTF-8 by the standard library's own decoder.
FuzzDriver.run { data, size in
  guard let data else { return 0 }
  let path = FuzzInput.file(data, size, suffix: ".Txt")
  var whole: FileFacts? = nil
  let wholeRejection = FuzzInput.rejection {
    whole = try FileInspection.inspect(path: path, limits: FuzzInput.limits)
  }
  for chunkSize in [1, 2, 3, 7, 64] {
    var chunked: FileFacts? = nil
    let chunkedRejection = FuzzInput.rejection {
      chunked = try FileInspection.inspect(
        path: path, limits: FuzzInput.limits, chunkSize: chunkSize)
    }
    expect(chunked == whole, "chunks of \(chunkSize) bytes: \(String(describing: chunked))")
    expect(chunkedRejection == wholeRejection, "chunks of \(chunkSize) bytes")
  }
  guard let facts = whole else { return 0 }
  let bytes = UnsafeBufferPointer(start: data + facts.bomLength, count: size - facts.bomLength)
  switch facts.encoding {
  case .utf8:
    expect(String(validating: bytes, as: UTF8.self) != nil, "called UTF-8, is not")
  case .windows1252:
    expect(String(validating: bytes, as: UTF8.self) == nil, "valid UTF-8 called Windows-1252")
    expect(bytes.allSatisfy(Windows1252.isDefined), "a byte Windows-1252 leaves undefined")
  }
  expect(!bytes.contains(0), "a NUL byte accepted")
  return 0
}
