import PasserelleCore

/// Why a picture path from a Sage export cannot be used; the message is written for IT.
package struct PicturePathProblem: Error, Sendable, Equatable, CustomStringConvertible {
  package var message: Message
  init(_ key: MessageKey, _ values: [String: MessageValue] = [:]) {
    message = Message(key, values)
  }
  package var description: String { message.description }
}
