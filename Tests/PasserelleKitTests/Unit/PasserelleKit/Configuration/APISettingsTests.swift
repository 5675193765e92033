import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleKit

/// `[salesmanagement.api]` and the credentials file it names.
@Suite struct APISettingsTests {
  @Test func theTableTurnsTheConnectionOnWithItsSettings() throws {
    let settings = try SettingsFile.parse(
      """
      [salesmanagement.api]
      url = "http://127.0.0.1:8080/api/v4"
      credentials_file = "secrets/sm.toml"
      poll_seconds = 5
      requests_per_minute = 60
      requests_in_flight = 2
      """)
    let api = try #require(settings.api)
    #expect(api.url == "http://127.0.0.1:8080/api/v4")
    #expect(api.credentialsFile == "secrets/sm.toml")
    #expect(api.pollSeconds == 5 && api.requestsPerMinute == 60 && api.requestsInFlight == 2)
  }

  @Test(arguments: [
    ("[salesmanagement.api]\npoll_seconds = 5", "line 1: url is required"),
    ("[salesmanagement.api]\nurl = \"x\"\nrequests_per_minute = 0", "line 3: requests_per_minute"),
    (
      "[salesmanagement.api]\nurl = \"x\"\nkey = \"secret\"",
      "unknown setting salesmanagement.api.key"
    ),
  ])
  func mistakesNameTheirLine(text: String, message: String) throws {
    let error = try #require(throws: ConfigurationError.self) { try SettingsFile.parse(text) }
    #expect(error.message.text(in: .english).contains(message), "\(error.message)")
  }

  @Test func theFileGivesTheKeysAndTheEnvironmentWins() throws {
    let folder = try TestFiles.scratch()
    let file = folder.file("sm-credentials.toml")
    try TestFiles.write("public_key = \"pub\"\nprivate_key = \"priv\"\n", to: file)
    chmod(file, 0o600)
    let fromFile = try CredentialsFile.load(
      root: folder.path, settings: APISettings(), environment: [:])
    #expect(fromFile.publicKey == "pub" && fromFile.privateKey == "priv")
    let fromEnvironment = try CredentialsFile.load(
      root: folder.path, settings: APISettings(),
      environment: ["PASSERELLE_SM_PUBLIC_KEY": "pub2", "PASSERELLE_SM_PRIVATE_KEY": "priv2"])
    #expect(fromEnvironment.publicKey == "pub2" && fromEnvironment.privateKey == "priv2")
  }

  /// Readable or writable by anyone but its owner: refused, as ssh refuses a key.
  @Test(arguments: [0o640, 0o604, 0o620, 0o666])
  func aFileOthersMayOpenIsRefused(mode: Int) throws {
    let folder = try TestFiles.scratch()
    let file = folder.file("sm-credentials.toml")
    try TestFiles.write("public_key = \"pub\"\nprivate_key = \"priv\"\n", to: file)
    chmod(file, mode_t(mode))
    let error = try #require(throws: ConfigurationError.self) {
      try CredentialsFile.load(root: folder.path, settings: APISettings(), environment: [:])
    }
    #expect(error.message.text(in: .english).contains("chmod 600"))
  }

  /// A broken file is reported by its line alone: the parser's own message could
  /// quote the line, that is a key.
  @Test func aMistakeInTheFileNeverQuotesIt() throws {
    let folder = try TestFiles.scratch()
    let file = folder.file("sm-credentials.toml")
    try TestFiles.write("public_key = \"pub\"\nprivate_key = sk-unquoted-secret\n", to: file)
    chmod(file, 0o600)
    let error = try #require(throws: ConfigurationError.self) {
      try CredentialsFile.load(root: folder.path, settings: APISettings(), environment: [:])
    }
    #expect(error.message.text(in: .english).contains("line 2"))
    #expect(!error.message.text(in: .english).contains("sk-unquoted-secret"))
  }

  @Test func aMissingKeyIsNamed() throws {
    let folder = try TestFiles.scratch()
    let file = folder.file("sm-credentials.toml")
    try TestFiles.write("public_key = \"pub\"\n", to: file)
    chmod(file, 0o600)
    let error = try #require(throws: ConfigurationError.self) {
      try CredentialsFile.load(root: folder.path, settings: APISettings(), environment: [:])
    }
    #expect(error.message.text(in: .english).contains("private_key"))
  }
}
