/// The language of the HTML report (`[report] language`): French by default, for
/// the French IT who read it.
package enum ReportLanguage: String, Sendable, CaseIterable {
  case french = "fr"
  case english = "en"
}
