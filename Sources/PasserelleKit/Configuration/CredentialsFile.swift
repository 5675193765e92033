import Foundation
import PasserelleCore
import SalesManagementAPI
import TOMLKit

/// SM's API keys: the credentials file named by `[salesmanagement.api]`, or the
/// environment. Keys are secrets: no message built here quotes one.
package enum CredentialsFile {
  static let publicKeyVariable = "PASSERELLE_SM_PUBLIC_KEY"
  static let privateKeyVariable = "PASSERELLE_SM_PRIVATE_KEY"

  /// The keys for the API of `settings`; the environment wins over the file.
  /// A missing or unreadable file, a file others may read, or a missing key is a
  /// configuration error (exit code 2).
  package static func load(
    root: String, settings: APISettings,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> SalesManagementCredentials {
    if let publicKey = environment[publicKeyVariable],
      let privateKey = environment[privateKeyVariable],
      !publicKey.isEmpty, !privateKey.isEmpty
    {
      return SalesManagementCredentials(publicKey: publicKey, privateKey: privateKey)
    }
    let path =
      settings.credentialsFile.hasPrefix("/")
      ? settings.credentialsFile : "\(Layout(root: root).root)/\(settings.credentialsFile)"
    let table = try read(path)
    guard let publicKey = table["public_key"]?.string, !publicKey.isEmpty,
      let privateKey = table["private_key"]?.string, !privateKey.isEmpty
    else {
      throw ConfigurationError(.credentialsIncomplete, ["path": .text(path)])
    }
    return SalesManagementCredentials(
      publicKey: environment[publicKeyVariable].flatMap { $0.isEmpty ? nil : $0 } ?? publicKey,
      privateKey: environment[privateKeyVariable].flatMap { $0.isEmpty ? nil : $0 } ?? privateKey)
  }

  private static func read(_ path: String) throws -> TOMLTable {
    guard FileSystem.exists(path) else {
      throw ConfigurationError(
        .credentialsMissing,
        [
          "path": .text(path), "publicVariable": .text(publicKeyVariable),
          "privateVariable": .text(privateKeyVariable),
        ])
    }
    guard !FileSystem.isOpenToOthers(path) else {
      throw ConfigurationError(.credentialsReadableByOthers, ["path": .text(path)])
    }
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else { throw ConfigurationError(.notUTF8Text, ["path": .text(path)]) }
    do {
      return try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      // The parser's message may quote the line, that is a key: only its number is shown.
      throw ConfigurationError(
        .settingsAtLine,
        [
          "path": .text(path), "line": .number(error.source.begin.line),
          "problem": .message(Message(.notValidTOML)),
        ])
    }
  }
}
