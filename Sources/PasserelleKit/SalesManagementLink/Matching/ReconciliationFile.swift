import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import RecordMatching

/// `out/rapprochement.csv`: the Sage records held for IT, each with SM's candidates
/// and why, and a `décision` column IT fills (`adopter <id SM>`, `créer`,
/// `ignorer`) before running `passerelle reconcile` on it. French Excel opens it
/// (UTF-8 with BOM, `;`). Rewritten after every delivery and preview; decisions IT
/// already typed into it are kept.
struct ReconciliationFile {
  static let name = "rapprochement.csv"
  /// Column of the decision, counted from 0.
  static let decisionColumn = 5

  let path: String
  let book: ReconciliationBook
  let language: ReportLanguage

  /// Writes the held records (whole or not at all), or removes the file when none
  /// is held. Returns how many are held.
  @discardableResult
  func write() throws -> Int {
    let typed = try Self.decisions(in: path)
    let temporary = path + ".tmp"
    let output = try OutputFile(path: temporary)
    try output.write(
      [0xEF, 0xBB, 0xBF]
        + Array((Message(.reconciliationColumns).text(in: language) + "\r\n").utf8))
    var count = 0
    try book.forEachHeld { held in
      count += 1
      let cells = [
        held.resource, held.code, held.label, try candidates(held.candidates), held.reason,
        typed[Self.key(held.resource, held.code)] ?? "",
      ]
      try output.write(cells.map(RejectReportWriter.cell).joined(separator: ";") + "\r\n")
    }
    try output.close()
    // The service writes it after every delivery: a file IT may have open is
    // replaced only when what it lists changed.
    if count == 0 || FileManager.default.contentsEqual(atPath: temporary, andPath: path) {
      FileSystem.remove(temporary)
    } else {
      try FileSystem.rename(temporary, to: path)
    }
    if count == 0 { FileSystem.remove(path) }
    return count
  }

  /// The line `push` and the preview end with when records wait for IT; "" when none.
  static func waitingLine(_ count: Int, in language: ReportLanguage) -> String {
    guard count > 0 else { return "" }
    let path = "out/" + name
    return "\n"
      + Message(.reconciliationWaiting, ["count": .number(count), "path": .text(path)])
      .text(in: language)
  }

  private func candidates(_ data: Data) throws -> String {
    let listed: [ScoredCandidate]
    do {
      listed = data.isEmpty ? [] : try JSONDecoder().decode([ScoredCandidate].self, from: data)
    } catch {
      throw EnvironmentFailure(.manifestCannotRead, ["error": .error(error)])
    }
    return listed.map {
      Message(
        .candidateCell,
        [
          "id": .text(String($0.smId)), "label": .text($0.label),
          "evidence": .text(MatchEvidence.text($0.evidence, in: language)),
          "score": .text(String($0.score)),
        ]
      ).text(in: language)
    }.joined(separator: " | ")
  }

  /// The decisions typed into the file at `path`, by resource and code. A file that
  /// cannot be read stops the rewrite: IT's typing is never lost.
  static func decisions(in path: String) throws -> [String: String] {
    var typed: [String: String] = [:]
    guard FileSystem.exists(path) else { return typed }
    try SpreadsheetTableReader.forEachRow(path: path) { cells, line in
      guard line > 1, cells.count > decisionColumn else { return }
      let decision = cells[decisionColumn].trimmingCharacters(in: .whitespaces)
      if !decision.isEmpty { typed[key(cells[0], cells[1])] = decision }
    }
    return typed
  }

  private static func key(_ resource: String, _ code: String) -> String {
    resource + "\u{0}" + code
  }
}
