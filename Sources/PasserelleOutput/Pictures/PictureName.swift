import PasserelleCore

/// Turns what a Sage export says about an article's picture into a file name to look up in
/// the configured image folders. Paths are never opened as given: they were written on the
/// accountant's Windows machine, and only their last component means anything here.
package enum PictureName {
  static let extensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff"]

  /// Extensions tried for a picture named after the article code, most common first.
  static let codeExtensions = ["jpg", "jpeg", "png", "gif", "webp", "bmp"]

  /// Names longer than this cannot exist on the file systems the folders live on.
  static let maximumNameBytes = 255

  /// The file name at the end of a Windows (`C:\Sage\Images\ART01.jpg`), UNC
  /// (`\\serveur\partage\img\ART01.png`) or forward-slash path, or a bare name. Surrounding
  /// spaces and one pair of double quotes (as Windows' "copy as path" adds) are ignored.
  package static func fileName(fromSagePath raw: String) -> Result<String, PicturePathProblem> {
    let path = unquoted(trimmed(Substring(raw)))
    if path.isEmpty { return .failure(PicturePathProblem(.picturePathEmpty)) }
    if let scalar = path.unicodeScalars.first(where: isControl) {
      return .failure(
        PicturePathProblem(.picturePathControl, ["character": .text(codePoint(scalar))]))
    }
    let name = lastComponent(path)
    if name.isEmpty {
      return .failure(PicturePathProblem(.picturePathFolder))
    }
    if name == "." || name == ".." {
      return .failure(
        PicturePathProblem(.picturePathDots, ["name": .text(String(name))]))
    }
    let byteCount = name.utf8.count
    if byteCount > maximumNameBytes {
      return .failure(
        PicturePathProblem(
          .picturePathTooLong, ["count": .number(byteCount), "limit": .number(maximumNameBytes)]))
    }
    let expected = MessageValue.text(extensions.sorted().joined(separator: ", "))
    guard let suffix = pictureExtension(name) else {
      return .failure(
        PicturePathProblem(
          .picturePathNoExtension, ["name": .text(String(name)), "expected": expected]))
    }
    guard extensions.contains(suffix.lowercased()) else {
      return .failure(
        PicturePathProblem(
          .picturePathNotPicture, ["name": .text(String(name)), "expected": expected]))
    }
    return .success(String(name))
  }

  /// Names to try for an article without a picture path: the code with each usual picture
  /// extension. Empty when the code could not be a file name (separators, control
  /// characters, "." or "..", too long), so that a code never reaches outside the folders.
  package static func candidateNames(forCode code: String) -> [String] {
    let stem = trimmed(Substring(code))
    let longest = stem.utf8.count + 1 + codeExtensions.map(\.utf8.count).max()!
    let isSafe =
      !stem.isEmpty && stem != "." && stem != ".." && longest <= maximumNameBytes
      && !stem.unicodeScalars.contains { isControl($0) || $0 == "/" || $0 == "\\" }
    guard isSafe else { return [] }
    return codeExtensions.map { "\(stem).\($0)" }
  }

  /// After the last `\` or `/`, whichever system wrote the path.
  private static func lastComponent(_ path: Substring) -> Substring {
    guard let separator = path.lastIndex(where: { $0 == "\\" || $0 == "/" }) else { return path }
    return path[path.index(after: separator)...]
  }

  /// The text after the last dot, unless the dot starts the name (".jpg" is a hidden file with
  /// no extension) or ends it.
  private static func pictureExtension(_ name: Substring) -> Substring? {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    let suffix = name[name.index(after: dot)...]
    return suffix.isEmpty ? nil : suffix
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || scalar.value == 0x7F
  }

  private static func codePoint(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  private static func isSpace(_ character: Character) -> Bool {
    character == " " || character == "\u{00A0}"
  }

  private static func trimmed(_ text: Substring) -> Substring {
    guard let first = text.firstIndex(where: { !isSpace($0) }),
      let last = text.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return text[first...last]
  }

  private static func unquoted(_ text: Substring) -> Substring {
    guard text.count >= 2, text.first == "\"", text.last == "\"" else { return text }
    return trimmed(text.dropFirst().dropLast())
  }
}
