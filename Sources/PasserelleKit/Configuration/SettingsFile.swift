import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage
import TOMLKit

/// `passerelle.toml`: optional; every key has an embedded default. Parsed by
/// TOMLKit; every setting is then checked, and a mistake is reported with its line
/// (exit code 2).
public enum SettingsFile {
  /// - Parameter base: the settings the file changes (a dossier's file changes
  ///   the root's); `dossier`: the file is a dossier's, which cannot name dossiers
  ///   or logging (one process, one log).
  public static func load(root: String, base: Settings = Settings(), dossier: Bool = false)
    throws -> Settings
  {
    let path = Layout(root: root).configuration
    guard let data = FileManager.default.contents(atPath: path) else { return base }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigurationError("\(path) is not UTF-8 text")
    }
    return try parse(text, path: path, base: base, dossier: dossier)
  }

  public static func parse(
    _ text: String, path: String = "passerelle.toml", base: Settings = Settings(),
    dossier: Bool = false
  ) throws -> Settings {
    let document: TOMLTable
    do {
      document = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw ConfigurationError("\(path), line \(error.source.begin.line): \(error.description)")
    }
    var settings = base
    let lines = SourceLines(text)
    let tables = dossier ? knownTables.subtracting(["dossiers", "log"]) : knownTables
    // Settings in the order they are written, so that the first mistake is the one named.
    var entries: [(line: Int?, table: String, key: String, value: TOMLValueConvertible)] = []
    func collect(_ table: TOMLTable, name: String) throws {
      for key in table.keys {
        let value = table[key]!
        if let nested = value.table {
          let full = name.isEmpty ? key : "\(name).\(key)"
          guard tables.contains(full) else {
            let problem =
              knownTables.contains(full)
              ? "[\(full)] belongs in the root's passerelle.toml" : "unknown table [\(full)]"
            throw ConfigurationError(lines.describe(path, line: lines.header(full), problem))
          }
          try collect(nested, name: full)
        } else {
          entries.append((lines.setting(key, in: name), name, key, value))
        }
      }
    }
    try collect(document, name: "")
    for entry in entries.sorted(by: { ($0.line ?? .max) < ($1.line ?? .max) }) {
      do {
        guard let value = Value(entry.value) else {
          throw ConfigurationError("\(entry.key) must be text, a number or true/false")
        }
        try apply(table: entry.table, key: entry.key, value: value, to: &settings)
      } catch let error as ConfigurationError {
        throw ConfigurationError(lines.describe(path, line: entry.line, error.message))
      }
    }
    return settings
  }

  /// Where a table or a setting is written, for messages (TOMLKit keeps no positions).
  struct SourceLines {
    /// Each line's table header (`[sync]` → "sync") or key, by line number.
    private var headers: [String: Int] = [:]
    private var settings: [String: Int] = [:]

    init(_ text: String) {
      var table = ""
      for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("[") && !line.hasPrefix("[[") {
          let name = line.dropFirst().prefix { $0 != "]" }.split(separator: ".").map {
            Self.unquote($0.trimmingCharacters(in: .whitespaces))
          }.joined(separator: ".")
          table = name
          if headers[name] == nil { headers[name] = index + 1 }
        } else if !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") {
          let key = Self.unquote(line[..<equals].trimmingCharacters(in: .whitespaces))
          let full = "\(table)\u{0}\(key)"
          if settings[full] == nil { settings[full] = index + 1 }
        }
      }
    }

    private static func unquote(_ key: String) -> String {
      key.count >= 2 && (key.hasPrefix("\"") && key.hasSuffix("\""))
        ? String(key.dropFirst().dropLast()) : key
    }

    func header(_ table: String) -> Int? { headers[table] }
    func setting(_ key: String, in table: String) -> Int? { settings["\(table)\u{0}\(key)"] }

    func describe(_ path: String, line: Int?, _ message: String) -> String {
      line.map { "\(path), line \($0): \(message)" } ?? "\(path): \(message)"
    }
  }

  static let knownTables: Set<String> = [
    "", "reading", "sync", "log", "dossiers", "pictures", "sage", "salesmanagement",
    "salesmanagement.countries",
    "salesmanagement.account_types", "salesmanagement.product_families",
    "salesmanagement.users",
  ]

  enum Value {
    case string(String)
    case number(Double)
    case bool(Bool)

    init?(_ value: TOMLValueConvertible) {
      if let text = value.string {
        self = .string(text)
      } else if let flag = value.bool {
        self = .bool(flag)
      } else if let integer = value.int {
        self = .number(Double(integer))
      } else if let number = value.double {
        self = .number(number)
      } else {
        return nil
      }
    }
  }

  private static func apply(table: String, key: String, value: Value, to settings: inout Settings)
    throws
  {
    func number(minimum: Double = 0, maximum: Double = 1e12) throws -> Double {
      guard case .number(let number) = value, number.isFinite, number >= minimum,
        number <= maximum
      else {
        throw ConfigurationError("\(key) must be a number from \(minimum) to \(maximum)")
      }
      return number
    }
    /// Durations: a day at most (a longer wait is a mistake, and would overflow timers).
    func seconds(minimum: Double = 0) throws -> Double {
      try number(minimum: minimum, maximum: 86_400)
    }
    func integer() throws -> Int {
      let value = try number(minimum: 1, maximum: Double(1 << 40))
      guard value == value.rounded() else { throw ConfigurationError("\(key) must be an integer") }
      return Int(value)
    }
    func codePrefix() throws -> String {
      guard case .string(let prefix) = value, (1...8).contains(prefix.count),
        prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
      else {
        throw ConfigurationError(
          "\(key) must be 1 to 8 letters or digits, so that a code fits Sage's 13 characters")
      }
      return prefix
    }
    switch (table, key) {
    case ("reading", "fallback_encoding"):
      guard case .string(let name) = value else { throw ConfigurationError("\(key) must be text") }
      switch LabelKey.normalise(name) {
      case "windows 1252", "cp1252", "ansi", "latin 1", "iso 8859 1":
        settings.fallbackEncoding = .windows1252
      case "utf 8", "none": settings.fallbackEncoding = .utf8
      default: throw ConfigurationError("unknown encoding \"\(name)\" (windows-1252 or utf-8)")
      }
    case ("reading", "max_file_mb"): settings.limits.maxFileBytes = try integer() << 20
    case ("reading", "max_field_kb"): settings.limits.maxFieldBytes = try integer() << 10
    case ("reading", "max_record_kb"): settings.limits.maxRecordBytes = try integer() << 10
    case ("reading", "max_columns"): settings.limits.maxColumns = try integer()
    case ("reading", "max_records"): settings.limits.maxRecords = try integer()
    case ("sync", "mass_deletion_share"):
      let share = try number()
      guard share <= 1 else { throw ConfigurationError("\(key) is a share between 0 and 1") }
      settings.massDeletionShare = share
    case ("sync", "stability_seconds"): settings.stabilitySeconds = try seconds()
    case ("sync", "max_attempts"): settings.maximumAttempts = try integer()
    case ("sync", "watch_events"):
      guard case .bool(let flag) = value else {
        throw ConfigurationError("\(key) is true or false")
      }
      settings.watchEvents = flag
    case ("sync", "salesmanagement_stability_seconds"):
      settings.salesManagementStabilitySeconds = try seconds()
    case ("sync", "sage_poll_seconds"): settings.sagePollSeconds = try seconds(minimum: 0.1)
    case ("sync", "salesmanagement_poll_seconds"):
      settings.salesManagementPollSeconds = try seconds(minimum: 0.1)
    case ("salesmanagement", "admin_user_id"): settings.tables.adminUserId = try integer()
    case ("salesmanagement", "branch_id"): settings.tables.branchId = try integer()
    case ("salesmanagement", "prospect_type_id"): settings.tables.prospectTypeId = try integer()
    case ("sage", "decimal_separator"):
      guard case .string(let text) = value, text == "," || text == "." else {
        throw ConfigurationError("\(key) is \",\" or \".\"")
      }
      settings.sageDecimalSeparator = UInt8(ascii: text == "," ? "," : ".")
    case ("log", "level"):
      guard case .string(let level) = value, Settings.logLevels.contains(level) else {
        throw ConfigurationError(
          "\(key) is one of \(Settings.logLevels.joined(separator: ", "))")
      }
      settings.logLevel = level
    case ("log", "format"):
      guard case .string(let format) = value, Settings.logFormats.contains(format) else {
        throw ConfigurationError("\(key) is \"text\" or \"json\"")
      }
      settings.logFormat = format
    case ("dossiers", _):
      guard case .string(let folder) = value, !folder.isEmpty, !folder.hasPrefix("/"),
        !folder.split(separator: "/").contains(".."),
        key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
      else {
        throw ConfigurationError(
          "dossier \(key) needs a folder inside the root (\"dossiers/\(key)\"), and a name of letters, digits, - or _"
        )
      }
      settings.dossiers[key] = folder
    case ("sage", "prospect_code_prefix"): settings.prospectCodePrefix = try codePrefix()
    case ("sage", "contact_code_prefix"): settings.contactCodePrefix = try codePrefix()
    case ("pictures", "folders"):
      guard case .string(let list) = value else { throw ConfigurationError("\(key) must be text") }
      settings.pictureFolders = list.split(separator: ";").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
    case ("salesmanagement.product_families", _):
      settings.tables.productFamilyIds[LabelKey.normalise(key)] = try integer()
    case ("salesmanagement.users", _):
      guard key.contains("@") else { throw ConfigurationError("\(key) is not an e-mail address") }
      settings.tables.userIdsByEmail[key.lowercased()] = try integer()
    case ("salesmanagement.countries", _):
      let iso = key.uppercased()
      guard iso.count == 2, iso.allSatisfy({ $0.isLetter && $0.isASCII }) else {
        throw ConfigurationError("\(key) is not an ISO 3166 alpha-2 country code")
      }
      settings.tables.countryIds[iso] = try integer()
    case ("salesmanagement.account_types", _):
      settings.tables.accountTypeIds[LabelKey.normalise(key)] = try integer()
    default:
      throw ConfigurationError("unknown setting \(table.isEmpty ? "" : table + ".")\(key)")
    }
  }

  /// What `passerelle init` writes: every setting, commented out at its default.
  public static let defaultText = """
    # passerelle.toml — Passerelle's settings for this folder.
    # Every commented setting below shows its default, or an example where a
    # setting has none. Remove the leading '#' to change one.
    # A mistake stops Passerelle with exit code 2 and names the line.

    [reading]
    # Encoding of files that are not valid UTF-8 (decided for a whole file).
    # fallback_encoding = "windows-1252"
    # Limits: a file over any of them is rejected as too-large.
    # max_file_mb = 2048
    # max_field_kb = 1024
    # max_record_kb = 4096
    # max_columns = 1000
    # max_records = 10000000

    [sync]
    # Largest share of known records one full export may delete; above it the
    # file is held (mass-deletion-guard) until 'passerelle allow-deletions'.
    # mass_deletion_share = 0.20
    # A dropped file is complete once its size and time are stable this long
    # (or at once when NAME.done or NAME.ok sits next to it).
    # stability_seconds = 2
    # The same for watch/salesmanagement/ (small files written at once by a program).
    # salesmanagement_stability_seconds = 0.5
    # Conversions of one file cut short (crash, kill) before it is set aside
    # (processing-failed), so that it cannot block the files behind it.
    # max_attempts = 3
    # How often 'passerelle run' looks at watch/sage/ (seconds).
    # sage_poll_seconds = 900
    # How often it looks at watch/salesmanagement/ (quotes: a rep is waiting).
    # salesmanagement_poll_seconds = 1
    # Also look at once when Linux reports a file arriving (a hint only: polling
    # still runs, as events are lost on network shares).
    # watch_events = true

    [dossiers]
    # Several Sage 50 dossiers (companies) served by one 'passerelle run': one line
    # each, the name then the folder inside this root. Each folder has its own watch/,
    # out/ (manifest, code counters) and, if needed, its own passerelle.toml; the
    # root's own watch/ is not used. Examples:
    # boulangerie = "dossiers/boulangerie"
    # traiteur = "dossiers/traiteur"

    [log]
    # Lowest level written: trace, debug, info, notice, warning, error, critical
    # (--log-level overrides it).
    # level = "info"
    # "text" for people, "json" for log collectors: one object per line, with the
    # batch, file, entity, counts and outcome as fields (--log-format overrides it).
    # format = "text"

    [pictures]
    # Folders where article pictures are looked up by file name (the path Sage
    # writes is never opened as given), separated by ';'. Relative to this file.
    # folders = "watch/sage/images"

    [sage]
    # Decimal separator of numbers in the import files written for Sage 50
    # ("," or ".", as the import format is set up in Sage).
    # decimal_separator = ","
    # Codes given to prospects and contacts created in SM: this prefix, then a
    # counter of 5 digits kept in the manifest (never reused). Letters and digits,
    # at most 8 characters, so that a code fits Sage's 13.
    # prospect_code_prefix = "PSM"
    # contact_code_prefix = "CSM"

    [salesmanagement]
    # SM user given to new accounts that have no representative in Sage
    # (never to accounts that already have one in SM). Not set by default; example:
    # admin_user_id = 1
    # SM branch set on accounts (SM requires one when an account is created).
    # Not set by default; example:
    # branch_id = 1
    # SM typeId given to prospects. Not set by default (the nature travels in
    # Z_NATURE); example:
    # prospect_type_id = 3

    [salesmanagement.countries]
    # One line per country: ISO code, then SM's countryId. Empty by default:
    # unmapped countries go to Z_PAYS_ISO. Examples:
    # FR = 73
    # BE = 21

    [salesmanagement.account_types]
    # One line per Sage "Type de client", then SM's typeId. Empty by default:
    # unmapped types go to Z_TYPE_CLIENT. Examples:
    # "Professionnel" = 1
    # "Particulier" = 2

    [salesmanagement.product_families]
    # One line per Sage article family, then SM's familyId. Empty by default:
    # families travel in Z_FAMILLE. Example:
    # "Outillage" = 4

    [salesmanagement.users]
    # Users SM already has: e-mail, then SM's user id. A Sage representative
    # with that e-mail becomes that user (and its accounts get salesRepId1).
    # Empty by default. Example:
    # "sophie.marchand@example.fr" = 12

    """
}
