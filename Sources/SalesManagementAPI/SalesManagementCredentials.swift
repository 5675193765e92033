/// The public and private API keys an SM administrator creates (Settings > Integrations >
/// API key). Secrets: `description` never shows them.
package struct SalesManagementCredentials: Sendable, CustomStringConvertible {
  /// The public key, sent as the login's `username`.
  package let publicKey: String
  /// The private key, sent as the login's `password`.
  package let privateKey: String

  /// Keys as the administrator copied them.
  package init(publicKey: String, privateKey: String) {
    self.publicKey = publicKey
    self.privateKey = privateKey
  }

  /// Says whether keys are set, never what they are.
  package var description: String {
    "SM API keys (" + (publicKey.isEmpty || privateKey.isEmpty ? "incomplete" : "set") + ")"
  }
}
