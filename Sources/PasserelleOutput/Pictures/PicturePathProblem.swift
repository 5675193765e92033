import PasserelleCore

/// Why a picture path from a Sage export cannot be used; the message is written for IT.
package struct PicturePathProblem: Error, Sendable, Equatable, CustomStringConvertible {
  package var message: String
  init(_ message: String) { self.message = message }
  package var description: String { message }
}
