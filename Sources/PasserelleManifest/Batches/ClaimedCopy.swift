/// What a copy made by `convert` held when it was claimed. The copy is synced only
/// when its batch finishes: a conversion cut short by a crash of the system (not of
/// Passerelle) may find it incomplete, and converts it again only if it still holds
/// these bytes.
package struct ClaimedCopy: Sendable {
  /// Its size in bytes; nil when that was not recorded (the system stopped first).
  package var size: Int?
  /// Its SHA-256, when its inspection got that far.
  package var sha256: String?

  package init(size: Int?, sha256: String?) {
    self.size = size
    self.sha256 = sha256
  }
}
