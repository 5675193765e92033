import PasserelleManifest
import PasserelleOutput

extension ReportPage {
  /// The health of each drop folder: its last look, the files waiting, its last batch.
  func folders(into html: inout HTMLBuilder) {
    section(0, into: &html) { html in
      html.element("div", ["class": "cards"]) { html in
        for folder in [SourceFolder.sage.rawValue, SourceFolder.salesManagement.rawValue] {
          card(folder, into: &html)
        }
      }
    }
  }

  private func card(_ folder: String, into html: inout HTMLBuilder) {
    let look = content.snapshot.looks.first { $0.folder == folder }
    let last = content.snapshot.lastBatches[folder]
    let (health, label) = self.health(of: last)
    html.element("div", ["class": "card", "id": "folder-\(folder)"]) { html in
      html.element("h3") { html in
        html.element("span", ["class": "code"], text: "watch/\(folder)/")
        html.text(" — \(text.folderPurpose(folder)) ")
        html.element("span", ["class": "badge \(health)"], text: label)
      }
      html.element("dl") { html in
        html.element("dt", text: text.lastLook)
        html.element(
          "dd",
          text: look.map { "\(text.time($0.at)) — \(text.completeAtLastLook($0.completeFiles))" }
            ?? text.never)
        html.element("dt", text: text.waitingNow)
        html.element("dd", text: text.files(content.waiting[folder] ?? 0))
        html.element("dt", text: text.lastBatch)
        html.element("dd") { html in
          guard let last else { return html.text(text.never) }
          html.element("strong", text: last.file)
          html.text(" — \(outcome(of: last)) — \(text.time(last.finishedAt))")
        }
      }
    }
  }

  /// The badge of a folder: its last batch clean, with rows to look at, or rejected.
  func health(of batch: ReportSnapshot.Batch?) -> (style: String, label: String) {
    guard let batch else { return ("idle", text.idle) }
    switch batch.state {
    case .rejected: return ("bad", text.failing)
    case .done where batch.counts.rejected > 0 || batch.counts.warnings > 0:
      return ("warn", text.toCheck)
    default: return ("ok", text.healthy)
    }
  }

  /// What became of a batch, in a few words: its state, then what was rejected.
  func outcome(of batch: ReportSnapshot.Batch) -> String {
    var words = text.state(batch.state)
    if batch.state == .rejected, let code = batch.reasonCode { words += " (\(code))" }
    if batch.counts.rejected > 0 { words += ", " + text.rowsRejected(batch.counts.rejected) }
    if batch.counts.warnings > 0 { words += ", " + text.warningCount(batch.counts.warnings) }
    return words
  }
}
