/// An HTML page built element by element. Text and attribute values always go
/// through `HTMLText.escape`; only markup fixed in the program (tag names,
/// attribute names, a style sheet) is written as it is.
package struct HTMLBuilder {
  /// The page written so far.
  package private(set) var html = ""

  package init() {}

  /// Opens `tag`, with its attributes in the order given (values escaped).
  package mutating func open(_ tag: StaticString, _ attributes: KeyValuePairs<String, String> = [:])
  {
    html += "<\(tag)"
    for (name, value) in attributes {
      html += " \(name)=\"\(HTMLText.escape(value))\""
    }
    html += ">"
  }

  /// Closes `tag`, opened by `open`.
  package mutating func close(_ tag: StaticString) {
    html += "</\(tag)>"
  }

  /// Text between tags, escaped.
  package mutating func text(_ text: String) {
    html += HTMLText.escape(text)
  }

  /// An element holding only text.
  package mutating func element(
    _ tag: StaticString, _ attributes: KeyValuePairs<String, String> = [:], text: String
  ) {
    open(tag, attributes)
    self.text(text)
    close(tag)
  }

  /// An element whose content `body` writes.
  package mutating func element(
    _ tag: StaticString, _ attributes: KeyValuePairs<String, String> = [:],
    _ body: (inout HTMLBuilder) -> Void
  ) {
    open(tag, attributes)
    body(&self)
    close(tag)
  }

  /// An element without content or end tag (`meta`, `br`).
  package mutating func void(_ tag: StaticString, _ attributes: KeyValuePairs<String, String>) {
    open(tag, attributes)
  }

  /// A link to a file relative to the page: the path is percent-encoded, then escaped.
  package mutating func link(to relativePath: String, text: String) {
    element("a", ["href": HTMLText.href(relativePath)], text: text)
  }

  /// Markup fixed in the program (a doctype, a style sheet): never text from a file.
  package mutating func markup(_ fixed: StaticString) {
    html += "\(fixed)"
  }
}
