import PasserelleCore

/// What one pull from SM wrote into `watch/salesmanagement/`.
public struct PullReport: Sendable, Codable {
  /// The files written, each complete when it appears.
  public var files: [String] = []
  /// Records written, per resource.
  public var records: [String: Int] = [:]
  /// Records left out because they were Passerelle's own writes coming back.
  public var echoes = 0

  /// One line for people, in `language`.
  public func summary(in language: ReportLanguage) -> String {
    let written = records.keys.sorted().map { resource in
      Message(
        .pullCount, ["count": .number(records[resource]!), "resource": EntityName.value(resource)]
      ).text(in: language)
    }
    return written.isEmpty
      ? Message(.pullNothing).text(in: language)
      : Message(.pullDone, ["records": .text(written.joined(separator: ", "))]).text(in: language)
  }
}
