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
      throw ConfigurationError(.notUTF8Text, ["path": .text(path)])
    }
    return try parse(text, path: path, base: base, dossier: dossier)
  }

  package static func parse(
    _ text: String, path: String = "passerelle.toml", base: Settings = Settings(),
    dossier: Bool = false
  ) throws -> Settings {
    let document: TOMLTable
    do {
      document = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw ConfigurationError(
        .settingsAtLine,
        [
          // Only the line's number: the parser's message quotes the line, which
          // may hold a key pasted in by mistake.
          "path": .text(path), "line": .number(error.source.begin.line),
          "problem": .message(Message(.notValidTOML)),
        ])
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
            let problem = Message(
              knownTables.contains(full) ? .tableBelongsToRoot : .unknownTable,
              ["table": .text(full)])
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
          throw ConfigurationError(.settingWrongType, ["key": .text(entry.key)])
        }
        try apply(table: entry.table, key: entry.key, value: value, to: &settings)
      } catch let error as ConfigurationError {
        throw ConfigurationError(lines.describe(path, line: entry.line, error.message))
      }
    }
    if let api = settings.api, api.url.isEmpty {
      throw ConfigurationError(
        lines.describe(path, line: lines.header("salesmanagement.api"), Message(.urlRequired)))
    }
    // A candidate below the listing score but above adoption would be created as a twin.
    let rules = settings.matchRules
    if rules.candidateScore >= rules.adoptScore {
      let problem = Message(
        .matchingScoresInverted,
        ["candidate": .number(rules.candidateScore), "adopt": .number(rules.adoptScore)])
      throw ConfigurationError(
        lines.describe(path, line: lines.header("salesmanagement.matching"), problem))
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

    func describe(_ path: String, line: Int?, _ problem: Message) -> Message {
      guard let line else {
        return Message(.settingsAt, ["path": .text(path), "problem": .message(problem)])
      }
      return Message(
        .settingsAtLine,
        ["path": .text(path), "line": .number(line), "problem": .message(problem)])
    }
  }

  static let knownTables: Set<String> = [
    "", "reading", "sync", "log", "dossiers", "pictures", "sage", "salesmanagement",
    "salesmanagement.countries",
    "salesmanagement.account_types", "salesmanagement.product_families",
    "salesmanagement.users", "salesmanagement.api", "salesmanagement.matching", "report",
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

  /// One setting as written, with the checks its values share; every message names
  /// the key.
  struct Setting {
    let table: String
    let key: String
    let value: Value

    func number(minimum: Double = 0, maximum: Double = 1e12) throws -> Double {
      guard case .number(let number) = value, number.isFinite, number >= minimum,
        number <= maximum
      else {
        throw ConfigurationError(
          .settingNumberRange,
          ["key": .text(key), "minimum": .amount(minimum), "maximum": .amount(maximum)])
      }
      return number
    }

    /// Durations: a day at most (a longer wait is a mistake, and would overflow timers).
    func seconds(minimum: Double = 0) throws -> Double {
      try number(minimum: minimum, maximum: 86_400)
    }

    func boolean() throws -> Bool {
      guard case .bool(let flag) = value else {
        throw ConfigurationError(.settingBoolean, ["key": .text(key)])
      }
      return flag
    }

    func integer() throws -> Int {
      let value = try number(minimum: 1, maximum: Double(1 << 40))
      guard value == value.rounded() else {
        throw ConfigurationError(.settingNotInteger, ["key": .text(key)])
      }
      return Int(value)
    }

    func text() throws -> String {
      guard case .string(let text) = value else {
        throw ConfigurationError(.settingNotText, ["key": .text(key)])
      }
      return text
    }

    func codePrefix() throws -> String {
      guard case .string(let prefix) = value, (1...8).contains(prefix.count),
        prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
      else {
        throw ConfigurationError(.settingCodePrefix, ["key": .text(key)])
      }
      return prefix
    }

    var unknown: ConfigurationError {
      ConfigurationError(.unknownSetting, ["key": .text(table.isEmpty ? key : "\(table).\(key)")])
    }
  }

  /// Each table's settings are checked by a function of their own.
  private static func apply(table: String, key: String, value: Value, to settings: inout Settings)
    throws
  {
    let setting = Setting(table: table, key: key, value: value)
    switch table {
    case "reading": try applyReading(setting, to: &settings)
    case "sync": try applySync(setting, to: &settings)
    case "sage": try applySage(setting, to: &settings)
    case "salesmanagement": try applySalesManagement(setting, to: &settings)
    case "salesmanagement.api": try applySalesManagementAPI(setting, to: &settings)
    case "salesmanagement.matching": try applyMatching(setting, to: &settings)
    case "log": try applyLog(setting, to: &settings)
    case "report": try applyReport(setting, to: &settings)
    case "dossiers": try applyDossier(setting, to: &settings)
    case "pictures" where key == "folders":
      settings.pictureFolders = try setting.text().split(separator: ";").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
    case "salesmanagement.product_families", "salesmanagement.users",
      "salesmanagement.countries", "salesmanagement.account_types":
      try applyMapping(setting, to: &settings)
    default: throw setting.unknown
    }
  }

  private static func applyReading(_ setting: Setting, to settings: inout Settings) throws {
    switch setting.key {
    case "fallback_encoding":
      let name = try setting.text()
      switch LabelKey.normalise(name) {
      case "windows 1252", "cp1252", "ansi", "latin 1", "iso 8859 1":
        settings.fallbackEncoding = .windows1252
      case "utf 8", "none": settings.fallbackEncoding = .utf8
      default: throw ConfigurationError(.unknownEncoding, ["name": .text(name)])
      }
    case "max_file_mb": settings.limits.maxFileBytes = try setting.integer() << 20
    case "max_field_kb": settings.limits.maxFieldBytes = try setting.integer() << 10
    case "max_record_kb": settings.limits.maxRecordBytes = try setting.integer() << 10
    case "max_columns": settings.limits.maxColumns = try setting.integer()
    case "max_records": settings.limits.maxRecords = try setting.integer()
    default: throw setting.unknown
    }
  }

  private static func applySync(_ setting: Setting, to settings: inout Settings) throws {
    switch setting.key {
    case "mass_deletion_share":
      let share = try setting.number()
      guard share <= 1 else {
        throw ConfigurationError(.settingShare, ["key": .text(setting.key)])
      }
      settings.massDeletionShare = share
    case "stability_seconds": settings.stabilitySeconds = try setting.seconds()
    case "max_attempts": settings.maximumAttempts = try setting.integer()
    case "watch_events": settings.watchEvents = try setting.boolean()
    case "salesmanagement_stability_seconds":
      settings.salesManagementStabilitySeconds = try setting.seconds()
    case "sage_poll_seconds": settings.sagePollSeconds = try setting.seconds(minimum: 0.1)
    case "salesmanagement_poll_seconds":
      settings.salesManagementPollSeconds = try setting.seconds(minimum: 0.1)
    default: throw setting.unknown
    }
  }

  private static func applySage(_ setting: Setting, to settings: inout Settings) throws {
    switch setting.key {
    case "decimal_separator":
      guard case .string(let text) = setting.value, text == "," || text == "." else {
        throw ConfigurationError(.settingDecimalSeparator, ["key": .text(setting.key)])
      }
      settings.sageDecimalSeparator = UInt8(ascii: text == "," ? "," : ".")
    case "prospect_code_prefix": settings.prospectCodePrefix = try setting.codePrefix()
    case "contact_code_prefix": settings.contactCodePrefix = try setting.codePrefix()
    default: throw setting.unknown
    }
  }

  private static func applySalesManagement(_ setting: Setting, to settings: inout Settings)
    throws
  {
    switch setting.key {
    case "admin_user_id": settings.tables.adminUserId = try setting.integer()
    case "branch_id": settings.tables.branchId = try setting.integer()
    case "prospect_type_id": settings.tables.prospectTypeId = try setting.integer()
    default: throw setting.unknown
    }
  }

  private static func applyLog(_ setting: Setting, to settings: inout Settings) throws {
    switch setting.key {
    case "level":
      guard case .string(let level) = setting.value, Settings.logLevels.contains(level) else {
        throw ConfigurationError(
          .settingOneOf,
          ["key": .text(setting.key), "values": .text(Settings.logLevels.joined(separator: ", "))])
      }
      settings.logLevel = level
    case "format":
      guard case .string(let format) = setting.value, Settings.logFormats.contains(format) else {
        throw ConfigurationError(
          .settingOneOf, ["key": .text(setting.key), "values": "\"text\", \"json\""])
      }
      settings.logFormat = format
    default: throw setting.unknown
    }
  }

  private static func applyReport(_ setting: Setting, to settings: inout Settings) throws {
    switch setting.key {
    case "language":
      guard case .string(let code) = setting.value, let language = ReportLanguage(rawValue: code)
      else {
        throw ConfigurationError(
          .settingOneOf, ["key": .text(setting.key), "values": "\"fr\", \"en\""])
      }
      settings.reportLanguage = language
    default: throw setting.unknown
    }
  }

  /// A dossier's folder stays inside the root, and its name is one a log can show.
  private static func applyDossier(_ setting: Setting, to settings: inout Settings) throws {
    let key = setting.key
    guard case .string(let folder) = setting.value, !folder.isEmpty, !folder.hasPrefix("/"),
      !folder.split(separator: "/").contains(".."),
      key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    else {
      throw ConfigurationError(.dossierSetting, ["name": .text(key)])
    }
    settings.dossiers[key] = folder
  }

  /// The `[salesmanagement.…]` tables: a Sage value (the key) to SM's id.
  private static func applyMapping(_ setting: Setting, to settings: inout Settings) throws {
    let key = setting.key
    switch setting.table {
    case "salesmanagement.product_families":
      settings.tables.productFamilyIds[LabelKey.normalise(key)] = try setting.integer()
    case "salesmanagement.users":
      guard key.contains("@") else {
        throw ConfigurationError(.settingNotEmail, ["key": .text(key)])
      }
      settings.tables.userIdsByEmail[key.lowercased()] = try setting.integer()
    case "salesmanagement.countries":
      let iso = key.uppercased()
      guard iso.count == 2, iso.allSatisfy({ $0.isLetter && $0.isASCII }) else {
        throw ConfigurationError(.settingNotCountry, ["key": .text(key)])
      }
      settings.tables.countryIds[iso] = try setting.integer()
    case "salesmanagement.account_types":
      settings.tables.accountTypeIds[LabelKey.normalise(key)] = try setting.integer()
    default: throw setting.unknown
    }
  }
}
