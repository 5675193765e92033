import Foundation

/// Paths of the repository and a scratch folder per test.
enum TestFiles {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func sample(_ name: String) -> String {
    repository.appendingPathComponent("samples/sage/\(name)").path
  }

  static let tabSample = sample("Export des clients.Txt")
  static let excelSample = sample("clients-excel.csv")
  static let xmlSample = sample("clients.xml")

  /// The expected bad rows of a sample: line → (code, reason).
  static func expectedBadRows(of name: String) throws -> [(line: Int, key: String, code: String)] {
    let text = try String(
      contentsOfFile: repository.appendingPathComponent("samples/expected/\(name).expected.tsv")
        .path, encoding: .utf8)
    return text.split(separator: "\n").map { line in
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return (Int(cells[0])!, cells[1], cells[2])
    }
  }

  /// A fresh empty folder, removed when the test's scope ends.
  static func scratch(_ name: String = #function) throws -> ScratchFolder {
    try ScratchFolder(name)
  }

  static func write(_ text: String, to path: String, encoding: String.Encoding = .utf8) throws {
    guard let data = text.data(using: encoding) else { throw TestError("cannot encode \(path)") }
    try data.write(to: URL(fileURLWithPath: path))
  }

  static func read(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  /// The built `passerelle` executable, next to the test bundle.
  static var executable: String {
    Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("passerelle").path
  }
}

struct TestError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

final class ScratchFolder {
  let path: String

  init(_ name: String) throws {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("passerelle-tests-\(safe)-\(UUID().uuidString.prefix(8))").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { "\(path)/\(name)" }

  func files(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: "\(path)/\(folder)")) ?? [])
      .filter { !$0.hasPrefix(".") }.sorted()
  }
}
