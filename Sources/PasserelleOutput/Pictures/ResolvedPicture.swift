/// A picture found in an image folder and checked to be safe to read.
package struct ResolvedPicture: Sendable, Equatable {
  /// Where the bytes are read: the folder entry, or for a link its target inside the folder
  /// (so that re-pointing the link afterwards changes nothing).
  package let path: String
  /// The entry's name as spelled in the folder.
  package let name: String
  let size: Int
  /// Modification time (nanoseconds since 1970): with the size and path, what tells
  /// an unchanged picture without reading it again.
  var modified: Int = 0

  /// Size, time and path: equal stamps mean the bytes need not be hashed again.
  package var stamp: String { "\(size) \(modified) \(path)" }

  /// The same entry: the time is a hint for hashing, not part of what was found.
  package static func == (lhs: ResolvedPicture, rhs: ResolvedPicture) -> Bool {
    lhs.path == rhs.path && lhs.name == rhs.name && lhs.size == rhs.size
  }
}
