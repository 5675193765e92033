import Foundation
import PasserelleCore
import SalesManagementAPI

/// A file of records pulled from SM, in the shape the SM → Sage direction reads
/// (`{"entity", "records": […]}`), written record by record under a temporary name
/// that drop folders ignore, then renamed and vouched for by a done-marker: it is
/// complete when it appears, and taken in the same pass.
final class PulledFile {
  private let output: OutputFile
  private let temporary: String
  let path: String
  private(set) var count = 0
  private let encoder = JSONEncoder()

  init(folder: String, resource: String, at date: Date) throws {
    let name = "\(resource)-pull-\(Timestamp.compact(date))-\(UUID().uuidString.prefix(4)).json"
    path = "\(folder)/\(name)"
    temporary = "\(folder)/.\(name).tmp"
    output = try OutputFile(path: temporary)
    try output.write("{\"entity\": \"\(resource)\", \"records\": [")
  }

  func write(_ record: JSONValue) throws {
    try output.write(count == 0 ? "\n" : ",\n")
    try output.write(Array(try encoder.encode(record)))
    count += 1
  }

  /// Makes the file durable, then visible under its name, then marked complete.
  func finish() throws {
    try output.write("\n]}\n")
    try output.close()
    try FileSystem.rename(temporary, to: path)
    FileSystem.syncDirectory((path as NSString).deletingLastPathComponent)
    _ = FileManager.default.createFile(atPath: path + ".done", contents: Data())
  }

  /// Removes a file left unfinished (nothing was pulled into it, or the pull failed).
  func discard() {
    try? output.close()
    FileSystem.remove(temporary)
  }
}
