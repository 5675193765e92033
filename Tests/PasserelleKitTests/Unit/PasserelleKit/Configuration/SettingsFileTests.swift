import Foundation
import PasserelleCore
import Testing

@testable import PasserelleCore
@testable import PasserelleKit
@testable import PasserelleReading

@Suite struct SettingsFileTests {
  /// Every setting `passerelle init` writes, once uncommented, is read back as the
  /// default it claims to be, or as the example it gives where there is no default.
  @Test(arguments: ReportLanguage.allCases)
  func theInitFileShowsTheRealDefaults(language: ReportLanguage) throws {
    let uncommented = SettingsFile.defaultText(in: language).split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map { line -> String in
      let text = String(line)
      guard text.hasPrefix("# "), text.contains(" = ") else { return text }
      return String(text.dropFirst(2))
    }.joined(separator: "\n")
    // Every setting is there to be read back (a missing one would read as its default).
    let keys = uncommented.split(separator: "\n").compactMap { line -> String? in
      guard !line.hasPrefix("#"), !line.hasPrefix("["), let equals = line.firstIndex(of: "=")
      else { return nil }
      return line[..<equals].trimmingCharacters(in: .whitespaces)
    }
    #expect(
      Set(keys) == [
        "fallback_encoding", "max_file_mb", "max_field_kb", "max_record_kb", "max_columns",
        "max_records", "mass_deletion_share", "stability_seconds",
        "salesmanagement_stability_seconds", "max_attempts", "watch_events", "sage_poll_seconds",
        "level",
        "format", "boulangerie", "traiteur",
        "salesmanagement_poll_seconds", "folders", "decimal_separator", "prospect_code_prefix",
        "contact_code_prefix", "admin_user_id",
        "branch_id", "prospect_type_id", "FR", "BE", "\"Professionnel\"", "\"Particulier\"",
        "\"Outillage\"", "\"sophie.marchand@example.fr\"", "url", "credentials_file",
        "poll_seconds", "requests_per_minute", "requests_in_flight", "language", "enabled",
        "adopt_score", "candidate_score", "margin",
      ])
    let settings = try SettingsFile.parse(uncommented)
    let defaults = Settings()
    #expect(settings.limits == defaults.limits)
    #expect(settings.fallbackEncoding == defaults.fallbackEncoding)
    #expect(settings.massDeletionShare == defaults.massDeletionShare)
    #expect(settings.stabilitySeconds == defaults.stabilitySeconds)
    #expect(settings.salesManagementStabilitySeconds == defaults.salesManagementStabilitySeconds)
    #expect(settings.sagePollSeconds == defaults.sagePollSeconds)
    #expect(settings.salesManagementPollSeconds == defaults.salesManagementPollSeconds)
    #expect(settings.sageDecimalSeparator == defaults.sageDecimalSeparator)
    #expect(settings.prospectCodePrefix == defaults.prospectCodePrefix)
    #expect(settings.logLevel == defaults.logLevel)
    #expect(settings.maximumAttempts == defaults.maximumAttempts)
    #expect(settings.watchEvents == defaults.watchEvents)
    #expect(
      settings.dossiers == ["boulangerie": "dossiers/boulangerie", "traiteur": "dossiers/traiteur"])
    #expect(settings.logFormat == defaults.logFormat)
    #expect(settings.reportLanguage == language)
    #expect(settings.contactCodePrefix == defaults.contactCodePrefix)
    #expect(settings.matchingEnabled == defaults.matchingEnabled)
    #expect(settings.matchRules == defaults.matchRules)
    #expect(settings.tables.adminUserId == 1 && defaults.tables.adminUserId == nil)
    #expect(settings.tables.branchId == 1 && defaults.tables.branchId == nil)
    #expect(settings.tables.countryIds == ["FR": 73, "BE": 21])
    #expect(
      settings.tables.accountTypeIds == [
        LabelKey.normalise("Professionnel"): 1, LabelKey.normalise("Particulier"): 2,
      ])
    #expect(settings.tables.prospectTypeId == 3 && defaults.tables.prospectTypeId == nil)
    #expect(settings.tables.productFamilyIds == [LabelKey.normalise("Outillage"): 4])
    #expect(settings.tables.userIdsByEmail == ["sophie.marchand@example.fr": 12])
    var api = APISettings()
    api.url = "https://api.forcemanager.com/api/v4"
    #expect(settings.api == api && defaults.api == nil)
    // The folder written out is the one an empty setting means.
    let layout = Layout(root: "/srv/passerelle")
    #expect(
      layout.pictureFolders(settings.pictureFolders)
        == layout.pictureFolders(defaults.pictureFolders))
  }

  @Test func theWholeTOMLSyntaxIsRead() throws {
    let settings = try SettingsFile.parse(
      #"""
      [pictures]
      folders = 'D:\Sage\Images # old;images'  # a literal string, then a comment

      [salesmanagement.users]
      "a.b@c.fr" = 0x10
      """#)
    #expect(settings.pictureFolders == [#"D:\Sage\Images # old"#, "images"])
    #expect(settings.tables.userIdsByEmail == ["a.b@c.fr": 16])
  }

  @Test func aDossierFileChangesTheRootSettingsWithoutReplacingThem() throws {
    var root = try SettingsFile.parse("[sync]\nsage_poll_seconds = 60\n")
    root.tables.userIdsByEmail = ["a@b.fr": 3]
    let dossier = try SettingsFile.parse(
      "[sage]\nprospect_code_prefix = \"TR\"\n", base: root, dossier: true)
    #expect(dossier.prospectCodePrefix == "TR")
    #expect(dossier.sagePollSeconds == 60)
    #expect(dossier.tables.userIdsByEmail == ["a@b.fr": 3])
    #expect(throws: ConfigurationError.self) {
      try SettingsFile.parse("[log]\nformat = \"json\"\n", dossier: true)
    }
  }

  @Test(arguments: [
    ("[sync]\nmass_deletion_share = 2\n", "line 2"),
    ("[nowhere]\n", "line 1"),
    ("[sync]\nunknown = 1\n", "line 2"),
    ("[reading]\nfallback_encoding = \"klingon\"\n", "line 2"),
    ("[salesmanagement.countries]\nFRANCE = 73\n", "line 2"),
    ("[salesmanagement.users]\n\"R01\" = 4\n", "line 2"),
    ("[pictures]\nfolders = 3\n", "line 2"),
    ("[sage]\nprospect_code_prefix = \"PROSPECT-\"\n", "line 2"),
    ("[log]\nformat = \"xml\"\n", "line 2"),
    ("[sync]\nsage_poll_seconds = inf\n", "line 2"),
    ("[reading]\nmax_records = 1e19\n", "line 2"),
    ("[sage]\n\ncontact_code_prefix = \"\"\n", "line 3"),
  ])
  func mistakesNameTheirLine(text: String, where expected: String) {
    do {
      _ = try SettingsFile.parse(text)
      Issue.record("accepted: \(text)")
    } catch let error as ConfigurationError {
      #expect(error.message.text(in: .english).contains(expected))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
