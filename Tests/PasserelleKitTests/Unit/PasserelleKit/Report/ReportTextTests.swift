import Testing

@testable import PasserelleCore
@testable import PasserelleKit

@Suite struct ReportTextTests {
  /// The report explains each reason code with the catalogue's texts.
  @Test(arguments: ReasonCode.allCases)
  func theReportExplainsEveryReasonCodeFromTheCatalogue(_ code: ReasonCode) throws {
    let texts = try #require(MessageCatalogue.reasons[code], "\(code.rawValue) has no texts")
    #expect(ReportText(.french).help(for: code.rawValue) == texts.french)
    #expect(ReportText(.english).help(for: code.rawValue) == texts.english)
  }

  @Test func theFixesSayWhatToDoAndWhere() {
    let french = ReportText(.french).help(for: "missing-key").fix
    #expect(french.contains("Sage 50") && french.contains("exporter de nouveau"))
    let english = ReportText(.english).help(for: "missing-key").fix
    #expect(english.contains("Sage 50") && english.contains("export the list again"))
  }

  @Test func aCodeThisVersionDoesNotKnowStillGetsAText() {
    #expect(!ReportText(.french).help(for: "some-new-code").explanation.isEmpty)
    #expect(!ReportText(.english).help(for: "some-new-code").fix.isEmpty)
  }

  @Test func numbersAndTimesReadAsEachLanguageWritesThem() {
    let french = ReportText(.french)
    let english = ReportText(.english)
    #expect(french.number(1_234_567) == "1\u{202F}234\u{202F}567")
    #expect(english.number(1_234_567) == "1,234,567")
    #expect(french.number(999) == "999" && english.number(-1000) == "-1,000")
    #expect(french.time("2026-12-04T10:15:02Z") == "04/12/2026 10:15:02 UTC")
    #expect(english.time("2026-12-04T10:15:02Z") == "2026-12-04 10:15:02 UTC")
    #expect(french.time(nil) == "jamais" && english.time(nil) == "never")
    #expect(french.dayLabel("2026-12-04") == "04/12")
  }

  @Test func theLanguageIsASetting() throws {
    #expect(try SettingsFile.parse("").reportLanguage == .french)
    #expect(try SettingsFile.parse("[report]\nlanguage = \"en\"\n").reportLanguage == .english)
    #expect(throws: ConfigurationError.self) {
      try SettingsFile.parse("[report]\nlanguage = \"de\"\n")
    }
    #expect(throws: ConfigurationError.self) {
      try SettingsFile.parse("[report]\ncolour = \"blue\"\n")
    }
  }
}
