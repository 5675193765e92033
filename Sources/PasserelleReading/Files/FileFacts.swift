import PasserelleCore

/// What one streaming pass over a file tells before any conversion: its identity
/// (SHA-256 of the content, which keys the batch), size, and encoding.
package struct FileFacts: Sendable, Equatable {
  package var sha256: String
  package var size: Int
  package var encoding: TextEncoding
  /// Bytes of a UTF-8 byte-order mark to skip at the start.
  package var bomLength: Int
}
