import PasserelleCore

extension Fingerprint {
  /// A fingerprint that stands for `label`: distinct labels give distinct ones.
  static func of(_ label: String) -> Fingerprint {
    Digest.upsert(Array(label.utf8)).fingerprint
  }
}
