import PasserelleCore
import PasserelleManifest
import PasserelleReading

/// A file taken out of a drop folder: it now lives in `out/work/` under its batch id.
struct ClaimedFile {
  var batch: String
  var originalName: String
  var path: String
  var options = ConversionOptions()
  /// What inspecting the file found, when that was done while copying it in.
  var facts: Result<FileFacts, FileRejection>? = nil
  /// The sync of a copy made by `convert`, started once the copy is whole and run
  /// beside its conversion; awaited before its batch is recorded as finished. Nil
  /// for a file claimed from a drop folder, moved rather than copied.
  var copySync: BackgroundSync? = nil
  /// A copy made by `convert`, whose sync is awaited before its batch finishes.
  var awaitsSync: Bool { copySync != nil }
}
