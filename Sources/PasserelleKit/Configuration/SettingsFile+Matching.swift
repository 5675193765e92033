import PasserelleCore
import RecordMatching

extension SettingsFile {
  /// `[salesmanagement.matching]`: how Sage records find SM's records typed by hand
  /// before their first create.
  static func applyMatching(_ setting: Setting, to settings: inout Settings) throws {
    switch setting.key {
    case "enabled": settings.matchingEnabled = try setting.boolean()
    case "adopt_score": settings.matchRules.adoptScore = try setting.integer()
    case "candidate_score": settings.matchRules.candidateScore = try setting.integer()
    case "margin": settings.matchRules.margin = try setting.integer()
    default: throw setting.unknown
    }
  }
}
