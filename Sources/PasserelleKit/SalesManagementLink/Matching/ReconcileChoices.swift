import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import RecordMatching

/// Reads IT's decisions from a reconciliation file and records them; the next
/// delivery applies them. A line whose decision cannot be read, or whose record
/// waits for no decision, is refused with its line number; the others count.
struct ReconcileChoices {
  let book: ReconciliationBook
  let clock: @Sendable () -> Date

  func apply(file path: String) throws -> ReconcileReport {
    var report = ReconcileReport()
    var failure: Error?
    try SpreadsheetTableReader.forEachRow(path: path) { cells, line in
      guard line > 1, failure == nil, cells.contains(where: { !$0.isEmpty }) else { return }
      do {
        try take(cells, line: line, into: &report)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    return report
  }

  private func take(_ cells: [String], line: Int, into report: inout ReconcileReport) throws {
    let column = ReconciliationFile.decisionColumn
    let typed = cells.count > column ? cells[column].trimmingCharacters(in: .whitespaces) : ""
    guard !typed.isEmpty else {
      report.blank += 1
      return
    }
    guard let choice = Self.choice(typed) else {
      report.refused.append((line, Message(.reconcileUnknownChoice, ["text": .text(typed)])))
      return
    }
    let (resource, code) = (cells[0], cells.count > 1 ? cells[1] : "")
    if try book.decide(resource: resource, code: code, choice, at: clock()) {
      report.applied += 1
    } else {
      report.refused.append(
        (line, Message(.reconcileNotHeld, ["resource": .text(resource), "code": .text(code)])))
    }
  }

  /// `adopter 1234` (or `adopt 1234`), `créer` (`creer`, `create`), `ignorer`
  /// (`ignore`), in any case.
  static func choice(_ text: String) -> ReconciliationBook.Choice? {
    let words = TextFolding.words(text)
    switch (words.first, words.count) {
    case ("adopter", 2), ("adopt", 2), ("reprendre", 2):
      return Int(words[1]).map(ReconciliationBook.Choice.adopt)
    case ("creer", 1), ("create", 1): return .create
    case ("ignorer", 1), ("ignore", 1): return .ignore
    default: return nil
    }
  }
}
