import PasserelleManifest

extension KnownRecord {
  /// An active contact the contacts export lists: that export owns it, and a
  /// company row's main contact of the same person leaves it alone.
  var isOwnedByContactsExport: Bool { kind == "contact" && !deleted }
}
