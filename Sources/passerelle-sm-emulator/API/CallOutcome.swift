/// What the HTTP side does with a call: answer it, or close the connection unanswered.
enum CallOutcome: Sendable {
  case reply(Reply)
  case drop
}
