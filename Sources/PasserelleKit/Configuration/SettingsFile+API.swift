import PasserelleCore
import RecordMatching

extension SettingsFile {
  /// `[salesmanagement.api]`: the connection to SM's API. Writing the table turns
  /// delivery and pulling on; its `url` is then required (checked once the file is read).
  static func applySalesManagementAPI(_ setting: Setting, to settings: inout Settings) throws {
    var api = settings.api ?? APISettings()
    switch setting.key {
    case "url": api.url = try setting.text()
    case "credentials_file": api.credentialsFile = try setting.text()
    case "poll_seconds": api.pollSeconds = try setting.seconds(minimum: 0.1)
    case "requests_per_minute": api.requestsPerMinute = try setting.integer()
    case "requests_in_flight": api.requestsInFlight = try setting.integer()
    default: throw setting.unknown
    }
    settings.api = api
  }

  /// `[salesmanagement.matching]`: how Sage records find SM's records typed by hand
  /// before their first create.
  static func applyMatching(_ setting: Setting, to settings: inout Settings) throws {
    switch setting.key {
    case "enabled":
      guard case .bool(let flag) = setting.value else {
        throw ConfigurationError(.settingBoolean, ["key": .text(setting.key)])
      }
      settings.matchingEnabled = flag
    case "adopt_score": settings.matchRules.adoptScore = try setting.integer()
    case "candidate_score": settings.matchRules.candidateScore = try setting.integer()
    case "margin": settings.matchRules.margin = try setting.integer()
    default: throw setting.unknown
    }
  }
}
