/// The language of every text a person reads (`[report] language`): French by
/// default, for the French accountant and IT who read them.
public enum ReportLanguage: String, Sendable, CaseIterable {
  case french = "fr"
  case english = "en"
}
