import PasserelleCore

/// File names derived from input names (work, reject and output files): names
/// from another machine never choose where a file goes or how IT's tools read it.
/// No path separators, control characters, or characters Windows refuses (IT
/// opens `out/` through a share); no trailing dot or space, which Windows drops;
/// and short enough that every name derived from them (batch id in front, report
/// and temporary suffixes behind) stays under the 255-byte limit of file systems.
package enum OutputName {
  static let maximumBytes = 180

  private static let refused: Set<Unicode.Scalar> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]

  package static func safe(_ name: String) -> String {
    var scalars = String.UnicodeScalarView(
      name.unicodeScalars.map { scalar in
        scalar.value < 0x20 || scalar.value == 0x7F || refused.contains(scalar) ? "_" : scalar
      })
    if let last = scalars.last, last == "." || last == " " {
      scalars.removeLast()
      scalars.append("_")
    }
    let cleaned = String(scalars)
    guard cleaned.utf8.count > maximumBytes else { return cleaned }
    let dot = cleaned.lastIndex(of: ".")
    let suffix = dot.map { String(cleaned[$0...]) }.flatMap { $0.utf8.count <= 16 ? $0 : nil } ?? ""
    var stem = ""
    for character in cleaned {
      if stem.utf8.count + character.utf8.count > maximumBytes - 26 { break }
      stem.append(character)
    }
    let hash = Digest.guid([cleaned], fingerprint: nil).prefix(8)
    return "\(stem)~\(hash)\(suffix)"
  }
}
