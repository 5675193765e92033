/// A file a batch produced: where it ends up, and the name it has until the commit.
package struct BatchOutput: Equatable, Sendable {
  /// What the file is: `payload`, `report`, `sage-import`, `picture`.
  package var kind: String
  package var path: String
  package var temporaryPath: String?

  package init(kind: String, path: String, temporaryPath: String?) {
    self.kind = kind
    self.path = path
    self.temporaryPath = temporaryPath
  }
}
