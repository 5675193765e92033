import Foundation
import GRDB
import Testing

@testable import PasserelleManifest

/// The shipped samples of every Sage 50 export, dropped together as the
/// accountant would, and edited copies of them.
enum SageSamples {
  static let representatives = "Export des représentants.Txt"
  static let customers = "Export des clients.Txt"
  static let prospects = "Export des prospects.Txt"
  static let contacts = "Export des contacts.Txt"
  static let articles = "Export des articles.Txt"
  static let articlesXML = "articles.xml"
  static let invoices = "Export des factures.Txt"
  static let quotes = "Export des devis.Txt"
  static let all = [
    representatives, customers, prospects, contacts, articles, articlesXML, invoices, quotes,
  ]
  /// The SM quotes the devis sample answers, as the SM → Sage direction records them.
  static let sentQuotes = ["SM-Q-000101": 9101, "SM-Q-000102": 9102, "SM-Q-000103": 9103]

  static func dropPictures(into root: TestRoot) throws {
    try FileManager.default.copyItem(
      atPath: TestFiles.sample("images"), toPath: root.layout.sageImages)
  }

  static func registerSentQuotes(in root: TestRoot) throws {
    let manifest = try Manifest(path: root.layout.manifest)
    try manifest.write { db in
      for (reference, id) in sentQuotes {
        try db.execute(
          sql: """
            INSERT INTO quote(reference, smId, state, sentBatch, updatedAt)
            VALUES (?, ?, 'sent', 'earlier', '2026-11-01T00:00:00Z')
            """, arguments: [reference, id])
      }
    }
  }

  /// A root holding every sample (and the pictures), with the SM quotes known.
  static func fullRoot(_ name: String = #function) throws -> TestRoot {
    let root = try TestRoot(name)
    try dropPictures(into: root)
    try registerSentQuotes(in: root)
    for sample in all { try root.drop(sample: TestFiles.sample(sample)) }
    return root
  }

  /// A TAB sample with its rows edited: cells by label, rows removed by key.
  static func edited(
    _ name: String, key: String, removing removed: Set<String> = [],
    changing changes: [String: [String: String]] = [:]
  ) throws -> [UInt8] {
    let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.sample(name)))
    let text = try #require(String(data: data, encoding: .windowsCP1252))
    var lines = text.components(separatedBy: "\r\n")
    let labels = lines[0].components(separatedBy: "\t")
    let keyColumn = try #require(labels.firstIndex(of: key))
    lines = lines.enumerated().compactMap { index, line in
      guard index > 0, !line.isEmpty else { return line }
      var cells = line.components(separatedBy: "\t")
      if removed.contains(cells[keyColumn]) { return nil }
      for (label, value) in changes[cells[keyColumn]] ?? [:] {
        if let column = labels.firstIndex(of: label) { cells[column] = value }
      }
      return cells.joined(separator: "\t")
    }
    return Array(try #require(lines.joined(separator: "\r\n").data(using: .windowsCP1252)))
  }
}
