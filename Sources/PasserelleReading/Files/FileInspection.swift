import Crypto
import PasserelleCore

package enum FileInspection {
  /// Hashes the file and decides its encoding in one pass, in chunks.
  /// `fallback` is the 8-bit encoding used when the bytes are not UTF-8.
  /// `chunkSize`: bytes read at a time (small values let tests cross chunk
  /// boundaries anywhere).
  package static func inspect(
    path: String, limits: ReadLimits, fallback: TextEncoding = .windows1252,
    chunkSize: Int = 1 << 16
  ) throws(FileRejection) -> FileFacts {
    let file = try InputFile(path: path)
    try checkSize(file.size, limits: limits)
    // Read here, not copied: nothing to overlap, and each chunk is inspected as
    // read, so that tests can split the bytes anywhere.
    var inspector = Inspector()
    do {
      try file.forEachChunk(size: chunkSize) { inspector.consume($0) }
    } catch let rejection as FileRejection {
      throw rejection
    } catch {
      throw FileRejection(.unreadableEncoding, .fileReadFailed, ["system": .error(error)])
    }
    return try inspector.facts(fallback: fallback)
  }

  /// Rejects a file too large or empty before it is read.
  package static func checkSize(_ size: Int, limits: ReadLimits) throws(FileRejection) {
    if size > limits.maxFileBytes {
      throw FileRejection(
        .tooLarge, .fileTooLarge, ["size": .number(size), "limit": .number(limits.maxFileBytes)])
    }
    if size == 0 { throw FileRejection(.emptyFile, .fileEmpty) }
  }

  /// The inspection fed chunk by chunk, wherever the bytes are read. A file copied
  /// into the work area is inspected while it is copied: `BackgroundInspector` runs
  /// the two halves (hash, scan) on two threads that read the copy as it grows.
  package struct Inspector {
    /// nil in an inspector that only scans (another hashes the same bytes).
    private var digest: SHA256?
    /// False in an inspector that only hashes (another scans the same bytes).
    private let scans: Bool
    private var validator = UTF8Validator()
    private var undefinedInWindows1252 = false
    private var nulLine: Int? = nil
    private var line = 1
    /// The first three bytes, gathered across reads (a read may return fewer).
    private var opening: [UInt8] = []
    private var bomLength = 0
    /// A UTF-8 byte-order mark past the start (EF BB BF, followed across chunks):
    /// two exports pasted together, whose second mark would be read as text.
    private var markProgress = 0
    private var consumed = 0

    private var markInsideLine: Int? = nil

    /// Both halves by default; the two can run on two threads over the same bytes.
    package init(hashes: Bool = true, scans: Bool = true) {
      digest = hashes ? SHA256() : nil
      self.scans = scans
    }

    package mutating func consume(_ chunk: UnsafeRawBufferPointer) {
      defer { consumed += chunk.count }
      digest?.update(bufferPointer: chunk)
      if scans { scan(chunk) }
    }

    private mutating func scan(_ chunk: UnsafeRawBufferPointer) {
      if opening.count < 3 {
        opening += chunk.prefix(3 - opening.count)
        if opening == [0xEF, 0xBB, 0xBF] { bomLength = 3 }
      }
      validator.consume(chunk)
      var index = 0
      while index < chunk.count {
        // Quiet text (see `ByteWord.quietWordsEnd`) is skipped eight bytes at a
        // time, its line feeds counted; not within a byte-order mark begun.
        if markProgress == 0 {
          let (quietEnd, lineFeeds) = ByteWord.quietWordsEnd(chunk, from: index)
          if quietEnd > index {
            index = quietEnd
            line += lineFeeds
            continue
          }
        }
        let byte = chunk[index]
        index += 1
        switch byte {
        case 0xEF: markProgress = 1
        case 0xBB where markProgress == 1: markProgress = 2
        case 0xBF where markProgress == 2:
          markProgress = 0
          if consumed + index > 3 && markInsideLine == nil { markInsideLine = line }
        default: markProgress = 0
        }
        guard byte < 0x0B || (byte >= 0x80 && byte <= 0x9F) else { continue }
        if byte == 0x0A {
          line += 1
        } else if byte == 0, nulLine == nil {
          nulLine = line
        } else if !Windows1252.isDefined(byte) {
          undefinedInWindows1252 = true
        }
      }
    }

    /// What the bytes consumed tell, or why the file cannot be read as text; the
    /// hash comes from `hasher` when this inspector only scans.
    package func facts(
      fallback: TextEncoding, hashedBy hasher: Inspector? = nil
    ) throws(FileRejection) -> FileFacts {
      precondition(scans, "an inspector that only hashes tells no facts")
      if let nulLine {
        throw FileRejection(
          .unreadableEncoding, .fileHoldsNUL,
          line: nulLine)
      }
      if let markInsideLine {
        throw FileRejection(
          .unreadableEncoding, .fileInnerByteOrderMark,
          line: markInsideLine)
      }
      guard let digest = digest ?? hasher?.digest else {
        preconditionFailure("an inspector that only scans needs the one that hashed")
      }
      let sha = Hex.string(digest.finalize())
      let encoding: TextEncoding
      if validator.isValidSoFar && validator.isComplete {
        encoding = .utf8
      } else if bomLength > 0 {
        throw FileRejection(
          .unreadableEncoding, .fileInvalidUTF8AfterMark)
      } else if fallback == .windows1252 && !undefinedInWindows1252 {
        encoding = .windows1252
      } else {
        throw FileRejection(
          .unreadableEncoding, .fileNeitherEncoding, ["fallback": "\(fallback.rawValue)"])
      }
      return FileFacts(sha256: sha, size: consumed, encoding: encoding, bomLength: bomLength)
    }
  }

  /// The content hash alone, for files rejected before their inspection finished.
  package static func sha256(path: String) throws -> String {
    let file = try InputFile(path: path)
    var hasher = SHA256()
    try file.forEachChunk { hasher.update(bufferPointer: $0) }
    return Hex.string(hasher.finalize())
  }
}
