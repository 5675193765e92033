import PasserelleManifest
import PasserelleOutput

extension ReportPage {
  /// The latest batches with their counts and their row report.
  func batches(into html: inout HTMLBuilder) {
    section(1, into: &html) { html in
      guard !content.snapshot.latestBatches.isEmpty else {
        return html.element("p", text: text.noBatches)
      }
      let counts = [
        text.read, text.sent, text.unchanged, text.rejected, text.warnings, text.deleted,
      ]
      table(
        [text.finished, text.file, text.entity, text.outcome] + counts + [text.rowReport],
        numeric: Set(counts), into: &html
      ) { html in
        for batch in content.snapshot.latestBatches { row(of: batch, into: &html) }
      }
    }
  }

  private func row(of batch: ReportSnapshot.Batch, into html: inout HTMLBuilder) {
    html.element("tr", ["id": "batch-\(batch.id)"]) { html in
      html.element("td") { html in
        html.text(text.time(batch.finishedAt))
        html.element("div", ["class": "note"], text: "\(text.batch) \(batch.id)")
      }
      html.element("td", text: batch.file)
      html.element("td", text: batch.entity ?? "")
      html.element("td") { html in
        html.element(
          "span", ["class": "badge \(health(of: batch).style)"], text: outcome(of: batch))
      }
      let counts = batch.counts
      for value in [
        counts.read, counts.emitted, counts.unchanged, counts.rejected, counts.warnings,
        counts.deletions,
      ] {
        count(value, into: &html)
      }
      html.element("td") { html in
        if let link = content.reportLinks[batch.id] {
          html.link(to: link, text: text.rowReport)
        } else if batch.rowReport != nil {
          html.element("span", ["class": "muted"], text: text.elsewhere)
        }
      }
    }
  }

  /// Files set aside whole, with their reason and the file kept.
  func setAside(into html: inout HTMLBuilder) {
    section(3, into: &html) { html in
      guard !content.setAside.isEmpty else { return html.element("p", text: text.noSetAside) }
      table(
        [text.finished, text.file, text.reason, text.message, text.whatToDo, text.keptFile],
        into: &html
      ) { html in
        for file in content.setAside { row(of: file, into: &html) }
      }
    }
  }

  private func row(of file: SetAsideFile, into html: inout HTMLBuilder) {
    html.element("tr", ["id": "set-aside-\(file.batch)"]) { html in
      html.element("td") { html in
        html.text(text.time(file.at))
        html.element("div", ["class": "note"], text: "\(text.batch) \(file.batch)")
      }
      html.element("td", text: file.file)
      html.element("td", ["class": "code"], text: file.code)
      html.element("td", text: file.message)
      html.element("td", text: text.help(for: file.code).fix)
      html.element("td") { html in
        guard let link = file.link else { return }
        html.link(to: link, text: String(link.split(separator: "/").last ?? ""))
        if file.reasonOnly { html.element("div", ["class": "note"], text: text.linkRemoved) }
      }
    }
  }
}
