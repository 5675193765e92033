/// What one pull from SM wrote into `watch/salesmanagement/`.
public struct PullReport: Sendable, Codable {
  /// The files written, each complete when it appears.
  public var files: [String] = []
  /// Records written, per resource.
  public var records: [String: Int] = [:]
  /// Records left out because they were Passerelle's own writes coming back.
  public var echoes = 0

  public var summary: String {
    let written = records.keys.sorted().map { "\(records[$0]!) \($0)" }
    return written.isEmpty
      ? "Nothing new in Sales Management."
      : "Pulled from Sales Management: " + written.joined(separator: ", ")
  }
}
