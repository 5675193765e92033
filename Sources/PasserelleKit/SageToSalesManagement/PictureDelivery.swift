import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// Finds an article's picture in the image folders and puts a copy next to the
/// payloads, named by its SHA-256 (`pictures/<sha256>.<ext>`): the same picture
/// is stored once, and a product's operation carries it only when it changed.
final class PictureDelivery {
  struct Found {
    let picture: ResolvedPicture
    let sha256: String
  }

  enum Lookup {
    case found(Found)
    /// No picture, and none was asked for by path.
    case none
    /// A warning for the report: code, message, value.
    case problem(ReasonCode, Message, String)
  }

  private let folders: PictureFolders
  private let payloadFolder: String
  private let batch: String

  init(folders: [String], payloadFolder: String, batch: String) {
    self.folders = PictureFolders(folders)
    self.payloadFolder = payloadFolder
    self.batch = batch
  }

  /// `known` is what the manifest recorded for the product: an untouched picture
  /// (same size, time and path) keeps its hash without being read.
  func find(_ source: PictureSource, known: KnownRecord?) throws -> Lookup {
    let known = known.flatMap { record in
      record.pictureStamp.map { (stamp: $0, sha256: record.pictureSHA256 ?? "") }
    }
    func hashed(_ picture: ResolvedPicture, _ value: String) throws -> Lookup {
      if let known, known.stamp == picture.stamp {
        return .found(Found(picture: picture, sha256: known.sha256))
      }
      return try self.hashed(picture, value)
    }
    switch source {
    case .path(let raw):
      let name: String
      switch PictureName.fileName(fromSagePath: raw) {
      case .success(let found): name = found
      case .failure(let problem): return .problem(.imageUnsafePath, problem.message, raw)
      }
      switch folders.resolve(name) {
      case .found(let picture): return try hashed(picture, raw)
      case .missing:
        return .problem(.imageMissing, Message(.pictureNotFound, ["name": .text(name)]), raw)
      case .unsafe(let message): return .problem(.imageUnsafePath, message, raw)
      }
    case .code(let code):
      // A picture named after the code is optional: its absence says nothing.
      for name in PictureName.candidateNames(forCode: code) {
        switch folders.resolve(name) {
        case .found(let picture): return try hashed(picture, name)
        case .missing: continue
        case .unsafe(let message): return .problem(.imageUnsafePath, message, name)
        }
      }
      return .none
    }
  }

  /// A picture that vanished or changed kind since the lookup is a warning for
  /// its row, never a reason to reject the export.
  private func hashed(_ picture: ResolvedPicture, _ value: String) throws -> Lookup {
    do {
      return .found(Found(picture: picture, sha256: try folders.sha256(of: picture)))
    } catch let rejection as FileRejection {
      return .problem(rejection.code, rejection.message, value)
    }
  }

  /// Copies the picture (unless an identical one is already there) and returns
  /// the operation's `"picture": {…}` member.
  func deliver(_ found: Found) throws -> [UInt8] {
    let folder = payloadFolder + "/pictures"
    let extensionPart =
      found.picture.name.split(separator: ".").last.map {
        "." + $0.lowercased()
      } ?? ""
    let stored = found.sha256 + extensionPart
    let destination = "\(folder)/\(stored)"
    if !FileSystem.exists(destination) {
      do {
        try FileSystem.createDirectory(folder)
      } catch {
        throw EnvironmentFailure(.cannotCreateFolder, path: folder)
      }
      // Written under the batch's temporary prefix in the payload folder, so that
      // a crash mid-copy leaves nothing that recovery does not clean up.
      let temporary = "\(payloadFolder)/.\(batch)-picture.tmp"
      do {
        try folders.copy(found.picture, to: temporary)
      } catch let rejection as FileRejection {
        // Gone between hashing and copying: the batch is tried again later.
        throw EnvironmentFailure(rejection.message, path: found.picture.path)
      }
      try FileSystem.rename(temporary, to: destination)
    }
    var json = JSONBytes(capacity: 256)
    json.raw("\"picture\": {\"file\": ")
    json.string("pictures/" + stored)
    json.raw(", \"name\": ")
    json.string(found.picture.name)
    json.raw(", \"sha256\": ")
    json.string(found.sha256)
    json.raw("}")
    return json.bytes
  }
}
