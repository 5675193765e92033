import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleManifest
@testable import PasserelleOutput
@testable import PasserelleReading
@testable import SageToSalesManagement
@testable import SalesManagementToSage

/// Builds Sage-style TAB/Windows-1252 customer exports of any size from the
/// shipped sample's header and good rows, with chosen bad rows.
struct CustomerExportBuilder {
  let header: [UInt8]
  let templates: [[[UInt8]]]  // good rows, split into fields

  init() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.tabSample))
    var lines = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: true).map {
      Array($0.last == 0x0D ? $0.dropLast() : $0)
    }
    header = lines.removeFirst()
    let bad = Set(try TestFiles.expectedBadRows(of: "Export des clients.Txt").map(\.line))
    templates = lines.enumerated().filter { !bad.contains($0.offset + 2) }.map {
      $0.element.split(separator: 0x09, omittingEmptySubsequences: false).map(Array.init)
    }
  }

  enum Defect {
    case missingCode, tooLongCode, noName
    case duplicateOf(Int)
  }

  /// `count` customers coded `prefix` + 5 digits; `defects` by row index (0-based).
  /// `edit` may change a row's fields (by column index) before it is written.
  func build(
    count: Int, prefix: String = "G", defects: [Int: Defect] = [:],
    edit: (Int, inout [[UInt8]]) -> Void = { _, _ in }
  ) -> [UInt8] {
    var out = header + [0x0D, 0x0A]
    for index in 0..<count {
      var fields = templates[index % templates.count]
      fields[0] = Array(code(prefix, index).utf8)
      switch defects[index] {
      case .missingCode: fields[0] = []
      case .tooLongCode: fields[0] = Array("\(prefix)-BEAUCOUP-TROP-LONG".utf8)
      case .noName:
        fields[1] = []
        fields[2] = []
      case .duplicateOf(let other): fields[0] = Array(code(prefix, other).utf8)
      case nil: break
      }
      edit(index, &fields)
      out += Array(fields.joined(separator: [0x09])) + [0x0D, 0x0A]
    }
    return out
  }

  func code(_ prefix: String, _ index: Int) -> String {
    let digits = String(index + 1)
    return prefix + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
  }

  func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }
}

/// A root folder with its drop folders, processed in-process.
final class TestRoot {
  let scratch: ScratchFolder
  var settings = Settings()
  var clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_795_000_000) }

  init(_ name: String = #function) throws {
    scratch = try ScratchFolder(name)
    settings.stabilitySeconds = 0
    settings.salesManagementStabilitySeconds = 0
    try Layout(root: scratch.path).createFolders()
  }

  var layout: Layout { Layout(root: scratch.path) }

  func drop(_ bytes: [UInt8], as name: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: "\(layout.watchSage)/\(name)"))
  }

  func drop(sample path: String, as name: String? = nil) throws {
    let target = "\(layout.watchSage)/\(name ?? (path as NSString).lastPathComponent)"
    try FileManager.default.copyItem(atPath: path, toPath: target)
  }

  func runOnce() throws -> [BatchOutcome] {
    try Passerelle(root: scratch.path, settings: settings, clock: clock).runOnce()
  }

  /// The payloads written for one SM resource (accounts by default).
  func payloads(_ resource: String = "accounts") -> [String] {
    scratch.files(in: "out/salesmanagement").filter { $0.hasSuffix("-\(resource).json") }.map {
      "\(layout.outSalesManagement)/\($0)"
    }
  }

  /// The operations of a payload as JSON objects; a payload without them fails.
  func rawOperations(_ path: String) throws -> [[String: Any]] {
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    return try #require((json as? [String: Any])?["operations"] as? [[String: Any]])
  }

  /// The operation of `extId` in a payload; its absence fails.
  func operation(_ path: String, extId: String) throws -> [String: Any] {
    try #require(try rawOperations(path).first { $0["extId"] as? String == extId })
  }

  /// Operations of a payload as (action, extId) pairs, in file order.
  func operations(_ path: String) throws -> [(action: String, extId: String, data: [String: Any]?)]
  {
    try rawOperations(path).map {
      ($0["action"] as! String, $0["extId"] as! String, $0["data"] as? [String: Any])
    }
  }

  /// Rows of a reject report, as cells, without the header.
  func reportRows(_ path: String) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var quoted = false
    var previous: Character = " "
    for character in try TestFiles.read(path).dropFirst() {  // the BOM
      if quoted {
        if character == "\"" {
          quoted = false
        } else {
          cell.append(character)
        }
      } else if character == "\"" {
        if previous == "\"" { cell.append("\"") }
        quoted = true
      } else if character == ";" {
        row.append(cell)
        cell = ""
      } else if character == "\r\n" || character == "\n" {
        row.append(cell)
        rows.append(row)
        row = []
        cell = ""
      } else {
        cell.append(character)
      }
      previous = character
    }
    return Array(rows.dropFirst())
  }
}

extension BatchOutcome {
  /// The output whose name ends in `suffix` (`-sales.json`, `.rejects.csv`); its absence fails.
  func output(_ suffix: String) throws -> String {
    try #require(outputs.first { $0.hasSuffix(suffix) }, "\(file) has no \(suffix)")
  }
}
