import Testing

@testable import PasserelleOutput

@Suite struct HTMLTextTests {
  @Test(arguments: [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("Dupont & Fils", "Dupont &amp; Fils"),
    ("&amp;", "&amp;amp;"),
    (#"" onmouseover="x"#, "&quot; onmouseover=&quot;x"),
    ("l'atelier", "l&#39;atelier"),
    ("Société Générale — 12,5 €", "Société Générale — 12,5 €"),
    ("", ""),
  ])
  func textFromAFileIsEscaped(_ text: String, _ expected: String) {
    #expect(HTMLText.escape(text) == expected)
  }

  @Test(arguments: [
    (
      "rejects/Export des clients.Txt.rejects.csv", "rejects/Export%20des%20clients.Txt.rejects.csv"
    ),
    ("rejects/a#1?b%c.txt", "rejects/a%231%3Fb%25c.txt"),
    ("rejects/représentants.Txt", "rejects/repr%C3%A9sentants.Txt"),
    ("rejects/Tom & Jerry's.txt", "rejects/Tom%20%26%20Jerry%27s.txt"),
  ])
  func aLinkToAFileIsPercentEncodedBySegment(_ path: String, _ expected: String) {
    #expect(HTMLText.href(path) == expected)
  }

  @Test func theBuilderEscapesTextAndAttributesAndNothingElse() {
    var html = HTMLBuilder()
    html.element("td", ["title": "\"><script>x</script>"], text: "<b>bold</b>")
    html.link(to: "rejects/<x>.csv", text: "<x>")
    html.markup("<br>")
    #expect(
      html.html
        == #"<td title="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">&lt;b&gt;bold&lt;/b&gt;</td>"#
        + #"<a href="rejects/%3Cx%3E.csv">&lt;x&gt;</a><br>"#)
  }
}
