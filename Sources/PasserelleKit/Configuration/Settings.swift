import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import RecordMatching
import SageToSalesManagement
import SalesManagementToSage

/// Everything a run can be told. Defaults are the embedded configuration: a root
/// without `passerelle.toml` runs on them.
public struct Settings: Sendable {
  package var limits = ReadLimits()
  package var tables = SalesManagementTables()
  /// 8-bit encoding assumed for files that are not valid UTF-8.
  package var fallbackEncoding: TextEncoding = .windows1252
  /// Largest share of the known records one full export may delete before it is held.
  package var massDeletionShare = 0.20
  /// A file is complete once its size and time are unchanged over this interval.
  package var stabilitySeconds = 2.0
  /// The same for `watch/salesmanagement/`: SM's files are small and written by a
  /// program at once, and a rep is waiting for the priced quote.
  package var salesManagementStabilitySeconds = 0.5
  /// Conversions of one file cut short (crash, kill) before it is set aside as
  /// `processing-failed`, so that a file that crashes Passerelle cannot block the others.
  package var maximumAttempts = 3
  /// Look at once when the kernel reports a file arriving (Linux), besides polling.
  package var watchEvents = true
  /// Polling interval of `watch/sage/` in service mode.
  package var sagePollSeconds = 900.0
  /// Polling interval of `watch/salesmanagement/` (quotes) in service mode.
  package var salesManagementPollSeconds = 1.0
  /// Folders where article pictures are looked up by file name; relative paths
  /// are under the root. Empty means `watch/sage/images`.
  package var pictureFolders: [String] = []
  /// Decimal separator of the numbers in Sage import files.
  package var sageDecimalSeparator = UInt8(ascii: ",")
  /// Prefix of the Sage codes given to prospects created in SM (then 5 digits).
  package var prospectCodePrefix = "PSM"
  /// Prefix of the Sage codes given to contacts created in SM (then 5 digits).
  package var contactCodePrefix = "CSM"
  /// Lowest level logged: trace, debug, info, notice, warning, error, critical.
  public var logLevel = "info"
  /// `text` for people, `json` (one object per line) for log collectors.
  public var logFormat = "text"
  /// Several Sage dossiers served by one process: name → folder (relative to the
  /// root), each a root of its own (drop folders, out/, manifest, code counters,
  /// and its own `passerelle.toml` if it has one). Empty: the root is the dossier.
  public var dossiers: [String: String] = [:]
  /// The language of `out/rapport.html` (`[report] language`).
  package var reportLanguage = ReportLanguage.french
  /// The connection to SM's API; nil: files only.
  public var api: APISettings?
  /// Whether Sage records look for SM's records typed by hand before their first
  /// create (`[salesmanagement.matching] enabled`).
  package var matchingEnabled = true
  /// The scores that adopt, hold or create (`[salesmanagement.matching]`).
  package var matchRules = MatchRules()

  public static let logLevels = [
    "trace", "debug", "info", "notice", "warning", "error", "critical",
  ]
  public static let logFormats = ["text", "json"]

  public init() {}
}
