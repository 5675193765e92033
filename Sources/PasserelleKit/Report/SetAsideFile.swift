import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput

/// A file set aside in `out/rejects/` with its reason, as the page shows it: the
/// code and message of its `.reason.json`, and what is kept to open.
package struct SetAsideFile: Sendable, Equatable {
  package var batch: String
  package var file: String
  /// The reason code and message of its `.reason.json`.
  package var code: String
  package var message: String
  /// When it was set aside (ISO-8601 UTC).
  package var at: String?
  /// The kept file (or, for a link that was deleted, its reason) relative to `out/`.
  package var link: String?
  /// Only the reason is kept: the file was a symbolic link, deleted.
  package var reasonOnly = false

  /// The largest `.reason.json` read: written by Passerelle, a few hundred bytes.
  static let largestReason = 1 << 20

  /// The file of a rejected batch, its reason read from beside it in `rejects`
  /// (the manifest's when the `.reason.json` is gone).
  init(_ batch: ReportSnapshot.Batch, rejects: String) {
    self.batch = batch.id
    file = batch.file
    code = batch.reasonCode ?? ""
    message = batch.reasonMessage ?? ""
    at = batch.finishedAt
    let name = "\(batch.id)-\(OutputName.safe(batch.file))"
    let reasonName = name + ".reason.json"
    if let reason = Self.reason(at: "\(rejects)/\(reasonName)") {
      code = reason.code ?? code
      message = reason.message ?? message
    }
    if FileSystem.isRegularFile("\(rejects)/\(name)") {
      link = "rejects/\(name)"
    } else if FileSystem.isRegularFile("\(rejects)/\(reasonName)") {
      link = "rejects/\(reasonName)"
      reasonOnly = true
    }
  }

  package init(
    batch: String, file: String, code: String, message: String, at: String?, link: String?,
    reasonOnly: Bool = false
  ) {
    self.batch = batch
    self.file = file
    self.code = code
    self.message = message
    self.at = at
    self.link = link
    self.reasonOnly = reasonOnly
  }

  private static func reason(at path: String) -> (code: String?, message: String?)? {
    guard FileSystem.isRegularFile(path),
      let size = DropFolder.observe(path)?.size, size <= largestReason,
      let data = FileManager.default.contents(atPath: path),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return nil }
    return (object["code"] as? String, object["message"] as? String)
  }
}
