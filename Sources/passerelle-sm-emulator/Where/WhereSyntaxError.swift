/// A `where` filter the emulator cannot read; the message says where and why.
struct WhereSyntaxError: Error, Equatable, Sendable {
  let message: String

  init(_ message: String) { self.message = message }
}
