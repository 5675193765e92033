/// One situation's text in both languages, with placeholders written `{name}`.
package struct MessageTemplate: Sendable {
  package let french: String
  package let english: String

  package init(_ french: String, _ english: String) {
    self.french = french
    self.english = english
  }

  func text(in language: ReportLanguage) -> String {
    language == .french ? french : english
  }

  /// The names of the placeholders of `text`, in order of appearance.
  package static func placeholders(_ text: String) -> [String] {
    var names: [String] = []
    _ = fill(text) { name in
      names.append(name)
      return nil
    }
    return names
  }

  /// `text` with each `{name}` replaced by `value(name)`, or kept when it is nil.
  static func fill(_ text: String, _ value: (String) -> String?) -> String {
    var result = ""
    var rest = text[...]
    while let open = rest.firstIndex(of: "{"),
      let close = rest[open...].firstIndex(of: "}")
    {
      result += rest[..<open]
      let name = String(rest[rest.index(after: open)..<close])
      result += value(name) ?? "{\(name)}"
      rest = rest[rest.index(after: close)...]
    }
    return result + rest
  }
}
