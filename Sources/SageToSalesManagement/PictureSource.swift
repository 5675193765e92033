/// Where a product's picture comes from.
package enum PictureSource: Sendable, Equatable {
  /// A path or file name written in the export.
  case path(String)
  /// No path: a picture named after the article code, if one exists.
  case code(String)
}
