import PasserelleCore

extension SettingsFile {
  /// What `passerelle init` writes: every setting, commented out at its default,
  /// with comments in `language`; a language other than the default is set.
  public static func defaultText(in language: ReportLanguage) -> String {
    let languageLine =
      language == .french ? "# language = \"fr\"" : "language = \"\(language.rawValue)\""
    return Message(.settingsFileText, ["languageLine": .text(languageLine)]).text(in: language)
  }
}
