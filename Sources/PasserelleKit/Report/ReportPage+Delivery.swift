import PasserelleCore
import PasserelleManifest
import PasserelleOutput

extension ReportPage {
  /// Rows sent, unchanged and rejected per day over the last 30 days.
  func chart(into html: inout HTMLBuilder) {
    section(4, into: &html) { html in
      let days = content.days
      let sent = days.reduce(0) { $0 + $1.sent }
      let unchanged = days.reduce(0) { $0 + $1.unchanged }
      let rejected = days.reduce(0) { $0 + $1.rejected }
      if sent + unchanged + rejected == 0 { html.element("p", text: text.noRows) }
      html.element("ul", ["class": "legend"]) { html in
        for (label, colour) in [
          (text.sent, DailyChart.colours.sent), (text.unchanged, DailyChart.colours.unchanged),
          (text.rejected, DailyChart.colours.rejected),
        ] {
          html.element("li") { html in
            html.element("span", ["class": "swatch", "style": "background: \(colour)"], text: "")
            html.text(label)
          }
        }
      }
      DailyChart.draw(days, text: text, into: &html)
      html.element("p", text: text.totals(sent: sent, unchanged: unchanged, rejected: rejected))
      html.element("p", ["class": "note"], text: text.chartNote)
    }
  }

  /// The SM connector's delivery queue, the API's health and the pull's watermarks.
  func delivery(into html: inout HTMLBuilder) {
    section(5, into: &html) { html in
      guard let delivery = content.snapshot.delivery else {
        return html.element("p", text: text.connectorUnused)
      }
      queues(delivery, into: &html)
      health(delivery, into: &html)
      if let preview = delivery.lastPreview { self.preview(preview, into: &html) }
    }
  }

  /// The last `push --dry-run`: what the delivery would do, per resource.
  private func preview(_ preview: DeliveryStatus.Preview, into html: inout HTMLBuilder) {
    let say = { (key: MessageKey, values: [String: MessageValue]) in
      Message(key, values).text(in: text.language)
    }
    html.element("h3", text: say(.reportPreviewTitle, [:]))
    html.element(
      "p",
      text: say(
        .reportPreviewAt, ["at": .text(text.time(preview.at)), "path": .text(preview.file)]))
    let actions: [(String, MessageKey)] = [
      ("create", .actionCreate), ("update", .actionUpdate), ("adopt", .actionAdopt),
      ("delete", .actionDelete), ("hold", .actionHold),
    ]
    let headers = actions.map { say($0.1, [:]) }
    table([say(.reportPreviewResource, [:])] + headers, numeric: Set(headers), into: &html) {
      html in
      for resource in preview.counts.keys.sorted() {
        html.element("tr") { html in
          html.element("td", text: EntityName.noun(resource, in: text.language))
          for (action, _) in actions { count(preview.counts[resource]?[action] ?? 0, into: &html) }
        }
      }
    }
  }

  private func queues(_ delivery: DeliveryStatus, into html: inout HTMLBuilder) {
    let counts = [text.waiting, text.held, text.delivered, text.refused]
    table([text.resource] + counts, numeric: Set(counts), into: &html) { html in
      for queue in delivery.queues {
        html.element("tr") { html in
          html.element("td", ["class": "code"], text: queue.resource)
          for value in [queue.waiting, queue.held, queue.delivered, queue.refused] {
            count(value, into: &html)
          }
        }
      }
    }
    html.element("p", ["class": "note"], text: text.heldNote)
  }

  private func health(_ delivery: DeliveryStatus, into html: inout HTMLBuilder) {
    html.element("div", ["class": "card"]) { html in
      html.element("dl") { html in entries(delivery, into: &html) }
    }
  }

  private func entries(_ delivery: DeliveryStatus, into html: inout HTMLBuilder) {
    html.element("dt", text: text.lastSuccess)
    html.element("dd", text: text.time(delivery.lastSuccessAt))
    if let error = delivery.lastError {
      html.element("dt", text: text.lastError)
      html.element("dd", text: "\(error) — \(text.time(delivery.lastErrorAt))")
    }
    if let since = delivery.failingSince {
      html.element("dt", text: text.failingSince)
      html.element("dd") { html in
        html.element("span", ["class": "badge bad"], text: text.time(since))
      }
    }
    for resource in delivery.pullWatermarks.keys.sorted() {
      html.element("dt", text: "\(text.watermarks) (\(resource))")
      html.element("dd", text: text.time(delivery.pullWatermarks[resource]))
    }
  }
}
