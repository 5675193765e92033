import PasserelleCore

package enum PictureLookup: Sendable, Equatable {
  case found(ResolvedPicture)
  case missing
  /// The name matches an entry that must not be read; the message is for IT.
  case unsafe(Message)
}
