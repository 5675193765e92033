import PasserelleCore

/// What one streaming pass over a file tells before any conversion: its identity
/// (SHA-256 of the content, which keys the batch), size, and encoding.
public struct FileFacts: Sendable, Equatable {
  public var sha256: String
  public var size: Int
  public var encoding: TextEncoding
  /// Bytes of a UTF-8 byte-order mark to skip at the start.
  public var bomLength: Int
}
