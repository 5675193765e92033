import PasserelleCore

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
}
