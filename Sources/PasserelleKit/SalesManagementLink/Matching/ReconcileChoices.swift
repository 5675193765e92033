import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import RecordMatching

/// Reads IT's decisions from a reconciliation file and records them; the next
/// delivery applies them. A line whose decision cannot be read, whose record waits
/// for no decision, or that gives an SM record a second code, is refused with its
/// line number; the others count. A file that is not `;`-separated is refused whole.
struct ReconcileChoices {
  let book: ReconciliationBook
  let clock: @Sendable () -> Date

  func apply(file path: String) throws -> ReconcileReport {
    var report = ReconcileReport()
    var chosen: [String: Int] = [:]
    try SpreadsheetTableReader.forEachRow(path: path) { cells, line in
      if line == 1 {
        // Excel saved with commas, or another file: every line would read as blank.
        guard cells.count > ReconciliationFile.decisionColumn else {
          throw ConfigurationError(.reconcileNotATable, ["path": .text(path)])
        }
        return
      }
      guard cells.contains(where: { !$0.isEmpty }) else { return }
      try take(cells, line: line, chosen: &chosen, into: &report)
    }
    return report
  }

  private func take(
    _ cells: [String], line: Int, chosen: inout [String: Int], into report: inout ReconcileReport
  ) throws {
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
    let resource = cells[0]
    var code = cells.count > 1 ? cells[1] : ""
    // Excel reads a code of digits as a number and drops its leading zeros.
    if let held = try book.heldCode(resource: resource, digitsLike: code) { code = held }
    if case .adopt(let id) = choice {
      if let other = chosen[resource + "/" + String(id)] {
        let reason = Message(
          .reconcileSameRecordTwice, ["id": .text(String(id)), "other": .number(other)])
        return report.refused.append((line, reason))
      }
      chosen[resource + "/" + String(id)] = line
    }
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
      // The id as typed: digits only ("1.234" is no id).
      let typed = text.split(whereSeparator: \.isWhitespace).last.map(String.init) ?? ""
      guard typed.allSatisfy(\.isASCII), let id = Int(typed), id > 0 else { return nil }
      return .adopt(id)
    case ("creer", 1), ("create", 1): return .create
    case ("ignorer", 1), ("ignore", 1): return .ignore
    default: return nil
    }
  }
}
