/// `[salesmanagement.api]`: where SM's API is, where its keys are, and how hard to
/// use it. Present only when the table is written: without it, files only.
public struct APISettings: Sendable, Equatable {
  /// SM's base URL; HTTPS, or plain HTTP to loopback only.
  public var url = ""
  /// The credentials file, relative to the root.
  public var credentialsFile = "sm-credentials.toml"
  /// How often SM is asked what changed, in service mode.
  public var pollSeconds = 30.0
  /// Calls started per rolling minute, at most.
  public var requestsPerMinute = 120
  /// Calls in progress at once, at most.
  public var requestsInFlight = 4

  public init() {}
}
