import PasserelleManifest
import PasserelleOutput

/// The HTML report of one root (one dossier), built from what `ReportContent`
/// gathered: one self-contained page, its style and chart inline, no script, every
/// value that came from a file escaped by `HTMLBuilder`. The sections are in
/// `ReportPage+…` files.
package struct ReportPage {
  let content: ReportContent
  let text: ReportText

  /// The sections' ids, in page order: the contents list and the browser test use them.
  package static let sections = [
    "folders", "batches", "rejected-rows", "set-aside", "chart", "delivery",
  ]

  /// The whole page.
  package static func html(_ content: ReportContent, text: ReportText) -> String {
    var html = HTMLBuilder()
    ReportPage(content: content, text: text).write(into: &html)
    return html.html
  }

  private func write(into html: inout HTMLBuilder) {
    html.markup("<!DOCTYPE html>\n")
    html.element("html", ["lang": text.language.rawValue]) { html in
      head(into: &html)
      html.element("body") { html in
        header(into: &html)
        html.element("main") { html in
          folders(into: &html)
          batches(into: &html)
          rejectedRows(into: &html)
          setAside(into: &html)
          chart(into: &html)
          delivery(into: &html)
        }
        html.element("footer") { html in
          html.element("p", ["class": "note"], text: text.footer)
        }
      }
    }
    html.markup("\n")
  }

  private func head(into html: inout HTMLBuilder) {
    html.element("head") { html in
      html.void("meta", ["charset": "utf-8"])
      // Nothing on the page may run or load anything, even if a value slipped through.
      html.void(
        "meta",
        [
          "http-equiv": "Content-Security-Policy",
          "content": "default-src 'none'; style-src 'unsafe-inline'",
        ])
      html.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
      html.element("title", text: title)
      html.element("style") { html in html.markup(ReportStyle.css) }
    }
  }

  private var title: String {
    content.dossier.map { "\(text.title) — \(text.dossier($0))" } ?? text.title
  }

  private func header(into html: inout HTMLBuilder) {
    html.element("header") { html in
      html.element("h1", text: title)
      html.element("p", ["class": "muted"], text: text.generated(at: content.generatedAt))
      if !content.hasManifest { html.element("p", text: text.nothingYet) }
      html.element("nav", ["aria-label": text.contents]) { html in
        html.element("ul") { html in
          for (id, name) in zip(Self.sections, sectionTitles) {
            html.element("li") { html in html.element("a", ["href": "#\(id)"], text: name) }
          }
        }
      }
    }
  }

  var sectionTitles: [String] {
    [
      text.foldersTitle, text.batchesTitle, text.rejectedRowsTitle, text.setAsideTitle,
      text.chartTitle, text.deliveryTitle,
    ]
  }

  /// A section with its id and title.
  func section(
    _ index: Int, into html: inout HTMLBuilder, _ body: (inout HTMLBuilder) -> Void
  ) {
    html.element("section", ["id": Self.sections[index]]) { html in
      html.element("h2", text: sectionTitles[index])
      body(&html)
    }
  }

  /// A table: its header row, then `body`'s rows; columns named in `numeric` align right.
  func table(
    _ columns: [String], numeric: Set<String> = [], into html: inout HTMLBuilder,
    _ body: (inout HTMLBuilder) -> Void
  ) {
    html.element("table") { html in
      html.element("thead") { html in
        html.element("tr") { html in
          for column in columns {
            html.element("th", ["class": numeric.contains(column) ? "n" : ""], text: column)
          }
        }
      }
      html.element("tbody", [:], body)
    }
  }

  /// A table cell holding a count.
  func count(_ value: Int, into html: inout HTMLBuilder) {
    html.element("td", ["class": "n"], text: text.number(value))
  }
}
