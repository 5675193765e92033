import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// The folders under one root (`docs/exchange-contract.md`).
public struct Layout: Sendable {
  public let root: String

  public init(root: String) {
    var root = root
    while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
    self.root = root
  }

  package var watchSage: String { root + "/watch/sage" }
  package var watchSalesManagement: String { root + "/watch/salesmanagement" }
  /// Default folder of article pictures.
  package var sageImages: String { watchSage + "/images" }
  public var out: String { root + "/out" }
  package var outSalesManagement: String { out + "/salesmanagement" }
  package var outSage: String { out + "/sage" }
  package var rejects: String { out + "/rejects" }
  package var archive: String { out + "/archive" }
  /// Claimed files wait here (same volume as `watch/`) until their batch is archived.
  package var work: String { out + "/work" }
  public var manifest: String { out + "/manifest.sqlite" }
  package var lock: String { out + "/.lock" }
  public var configuration: String { root + "/passerelle.toml" }

  /// The configured picture folders, relative ones under the root.
  func pictureFolders(_ configured: [String]) -> [String] {
    if configured.isEmpty { return [sageImages] }
    return configured.map { $0.hasPrefix("/") ? $0 : "\(root)/\($0)" }
  }

  var outputFolders: [String] { [outSalesManagement, outSage, rejects] }

  /// Creates every folder Passerelle writes to; a failure means exit code 3.
  public func createFolders() throws {
    for folder in [
      watchSage, watchSalesManagement, outSalesManagement, outSage, rejects, archive, work,
    ] {
      do {
        try FileSystem.createDirectory(folder)
      } catch {
        throw EnvironmentFailure(.cannotCreateFolder, path: folder)
      }
    }
  }
}
