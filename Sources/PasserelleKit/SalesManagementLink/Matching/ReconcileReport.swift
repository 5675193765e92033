import PasserelleCore

/// What `passerelle reconcile` did with IT's file.
public struct ReconcileReport: Sendable {
  /// Decisions recorded, applied at the next delivery.
  public var applied = 0
  /// Lines left without a decision.
  public var blank = 0
  /// Lines whose decision could not be recorded: their line number and why.
  public var refused: [(line: Int, reason: Message)] = []

  /// Lines for people, in `language`: the refused lines, then the counts.
  public func summary(in language: ReportLanguage) -> String {
    var lines = refused.map {
      Message(.reconcileLineRefused, ["line": .number($0.line), "reason": .message($0.reason)])
        .text(in: language)
    }
    lines.append(
      Message(.reconcileDone, ["applied": .number(applied), "blank": .number(blank)])
        .text(in: language))
    if !refused.isEmpty {
      lines.append(Message(.reconcileRefused, ["count": .number(refused.count)]).text(in: language))
    }
    return lines.joined(separator: "\n")
  }
}
