import Hummingbird

/// Per-request context: only the means to close the connection, for the drop fault.
struct EmulatorRequestContext: InitializableFromSource {
  /// Closes the request's connection without an answer.
  let dropConnection: @Sendable () async -> Void

  init(source: ApplicationRequestContextSource) {
    let channel = source.channel
    dropConnection = { try? await channel.close() }
  }
}
