@testable import PasserelleCore
@testable import PasserelleReading

#if canImport(Glibc)
  import Glibc
#endif

/// What every target shares: the input written to a real file (the readers take
/// paths, as they do in the product), small limits so that each limit is reached
/// by small inputs, and the rule that a reader may refuse a file only with a
/// `FileRejection`.
public enum FuzzInput {
  /// Limits far below the product's, so that inputs of a few kilobytes cross them.
  public static let limits: ReadLimits = {
    var limits = ReadLimits()
    limits.maxFieldBytes = 512
    limits.maxRecordBytes = 2_048
    limits.maxColumns = 64
    limits.maxRecords = 200
    limits.maxXMLDepth = 8
    return limits
  }()

  /// Writes the input to a file of this process (in memory-backed /dev/shm when
  /// there is one) named with `suffix`, and returns its path.
  public static func file(_ data: UnsafePointer<UInt8>, _ size: Int, suffix: String) -> String {
    let folder = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    let path = "\(folder)/passerelle-fuzz-\(getpid())\(suffix)"
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    expect(descriptor >= 0, "cannot write \(path)")
    var written = 0
    while written < size {
      let count = write(descriptor, data + written, size - written)
      expect(count > 0, "cannot write \(path)")
      written += count
    }
    close(descriptor)
    return path
  }

  /// Runs `body`; a rejection is an answer, any other error a finding.
  public static func rejection(_ body: () throws -> Void) -> FileRejection? {
    do {
      try body()
      return nil
    } catch let rejection as FileRejection {
      return rejection
    } catch {
      fatalError("not a FileRejection: \(error)")
    }
  }

  /// Every row of a delimited export, each value decoded as the product does,
  /// read `chunkSize` bytes at a time.
  public static func rows(
    path: String, facts: FileFacts, chunkSize: Int = 1 << 16
  ) throws -> [[String]] {
    var rows: [[String]] = []
    var reader = CSVReader(path: path, facts: facts, limits: limits)
    reader.chunkSize = chunkSize
    var columns = 0
    try reader.read(
      header: { columns = $0.count },
      row: { row in
        expect(row.line >= 2, "a row before its header")
        rows.append((0..<row.fieldCount).map { row.text($0) })
      })
    expect(columns > 0 || rows.isEmpty, "rows without a header")
    return rows
  }
}

/// A property every input must keep. Unlike `precondition`, the message survives
/// optimised builds, so a finding says what broke.
public func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition { fatalError(message()) }
}
