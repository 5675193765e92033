import PasserelleOutput

extension ReportPage {
  /// Rejected rows and warnings grouped by reason: what it means, what to do, the
  /// first rows, and the row reports that hold them all.
  func rejectedRows(into html: inout HTMLBuilder) {
    section(2, into: &html) { html in
      guard !content.groups.isEmpty else { return html.element("p", text: text.noRejectedRows) }
      html.element("p", ["class": "muted"], text: text.rowsIntro(reports: content.reportsRead))
      for group in content.groups { reason(group, into: &html) }
    }
  }

  private func reason(_ group: RejectGroup, into html: inout HTMLBuilder) {
    let help = text.help(for: group.code)
    html.element(
      "article",
      ["class": group.errors > 0 ? "reason error" : "reason", "id": "reason-\(group.code)"]
    ) { html in
      html.element("h3") { html in
        html.element("span", ["class": "code"], text: group.code)
        html.text(
          " — "
            + text.groupCount(
              rows: group.errors + group.warnings, errors: group.errors, warnings: group.warnings))
      }
      labelled(text.why, help.explanation, into: &html)
      labelled(text.whatToDo, help.fix, into: &html)
      samples(group, into: &html)
      if group.more > 0 { html.element("p", ["class": "muted"], text: text.andMore(group.more)) }
      reports(group, into: &html)
    }
  }

  private func labelled(_ label: String, _ body: String, into html: inout HTMLBuilder) {
    html.element("p") { html in
      html.element("strong", text: label + text.pick(" : ", ": "))
      html.text(body)
    }
  }

  private func samples(_ group: RejectGroup, into html: inout HTMLBuilder) {
    table([text.file, text.line, text.key, text.field, text.severity, text.value], into: &html) {
      html in
      for row in group.rows {
        html.element("tr") { html in
          html.element("td", text: row.file)
          html.element("td", ["class": "n"], text: row.sample.line.map(text.number) ?? "")
          html.element("td", ["class": "key"], text: row.sample.key)
          html.element("td", text: row.sample.field)
          html.element("td", text: text.severityName(row.sample.severity))
          html.element("td", ["class": "value"], text: row.sample.value)
        }
      }
    }
  }

  private func reports(_ group: RejectGroup, into html: inout HTMLBuilder) {
    html.element("p") { html in
      html.element("strong", text: text.reports + text.pick(" : ", ": "))
      for (index, report) in group.reports.enumerated() {
        if index > 0 { html.text(" · ") }
        if let link = report.link {
          html.element("a", ["href": HTMLText.href(link), "title": report.name], text: report.file)
        } else {
          html.text("\(report.name) (\(text.elsewhere))")
        }
        html.text(" (\(text.rowsInReport(report.rows)))")
      }
    }
  }
}
