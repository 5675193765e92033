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
  /// A copy made by `convert`, left to the kernel's write-back: it is synced before
  /// its batch is recorded as finished, by when little of it is left to write, instead
  /// of before its conversion starts.
  var awaitsSync = false
}
