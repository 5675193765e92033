import ArgumentParser
import Foundation
import Logging
import PasserelleCore
import PasserelleKit
import PasserelleManifest

/// Exit codes of the exchange contract (`docs/exchange-contract.md`).
enum ExitStatus {
  static let rejected: Int32 = 1
  static let usage: Int32 = 2
  static let cannotProceed: Int32 = 3
}

struct RootOption: ParsableArguments {
  @Option(name: .long, help: "Folder holding watch/, out/ and passerelle.toml.")
  var root: String = FileManager.default.currentDirectoryPath

  @Option(
    name: .long,
    help: "Log level: trace, debug, info, notice, warning, error (default: [log] level, else info)."
  )
  var logLevel: String?

  @Option(
    name: .long,
    help: "Log lines as text for people or json for machines (default: [log] format, else text).")
  var logFormat: String?

  mutating func validate() throws {
    if let logLevel, Logger.Level(rawValue: logLevel) == nil {
      throw ValidationError(say(.unknownLogLevel, ["value": .text(logLevel)], .french))
    }
    if let logFormat, !Settings.logFormats.contains(logFormat) {
      throw ValidationError(say(.unknownLogFormat, ["value": .text(logFormat)], .french))
    }
  }
}

/// Every command spells out its name: one left to be derived from the type's name
/// is worked out through reflection at each start, for every subcommand, which was
/// a seventh of what converting one quote cost.
@main
struct PasserelleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "passerelle",
    abstract: "Bridges Sage 50 FR exports and Sage Sales Management through drop folders.",
    subcommands: [
      Run.self, Convert.self, Status.self, Rejects.self, Report.self, Init.self,
      AllowDeletions.self, Push.self, Pull.self, Reconcile.self,
    ])
}

/// Runs a library call, mapping failures to the contract's exit codes.
/// `service`: the service stopped on request exits 0 whatever it rejected on the way
/// (each rejection was logged and reported when it happened).
func perform(
  logger: Logger, language: ReportLanguage, service: Bool = false,
  _ body: () throws -> [BatchOutcome]
) throws {
  try exitingOnFailure(language) {
    let outcomes = try body()
    summarise(outcomes, logger: logger, language: language)
    if !service && outcomes.contains(where: \.rejectedSomething) {
      throw ExitCode(ExitStatus.rejected)
    }
  }
}

/// Runs `body`, telling people why it failed in `language`: a configuration
/// mistake exits 2, anything else that stops the run exits 3 (never 1, which the
/// contract keeps for rejected rows). Exit codes thrown on purpose pass.
func exitingOnFailure<T>(_ language: ReportLanguage, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as ConfigurationError {
    printError(say(.usageMistake, ["error": .error(error)], language))
    throw ExitCode(ExitStatus.usage)
  } catch let exit as ExitCode {
    throw exit
  } catch {
    printError(say(.cannotProceed, ["error": .error(error)], language))
    throw ExitCode(ExitStatus.cannotProceed)
  }
}

/// A message of the catalogue in `language`.
func say(
  _ key: MessageKey, _ values: [String: MessageValue] = [:], _ language: ReportLanguage
) -> String {
  Message(key, values).text(in: language)
}

/// The closing summary: for people, counts then the files written; through the
/// logger as well, so that JSON logs stay one object per line.
func summarise(_ outcomes: [BatchOutcome], logger: Logger, language: ReportLanguage) {
  let done = outcomes.filter { $0.state == .done }.count
  let duplicates = outcomes.filter { $0.state == .duplicate }.count
  let rejected = outcomes.filter { $0.state == .rejected }.count
  let rows = outcomes.reduce(0) { $0 + $1.counts.rejected }
  let summary =
    outcomes.isEmpty
    ? say(.summaryNothing, [:], language)
    : say(
      .summary,
      [
        "files": .number(outcomes.count), "converted": .number(done),
        "duplicates": .number(duplicates), "rejected": .number(rejected), "rows": .number(rows),
      ], language)
  let outputs = outcomes.flatMap(\.outputs)
  guard logger.handler is ConsoleLogHandler else {
    logger.notice(
      "\(summary)",
      metadata: [
        "files": "\(outcomes.count)", "converted": "\(done)", "duplicates": "\(duplicates)",
        "rejectedFiles": "\(rejected)", "rejectedRows": "\(rows)",
        "outputs": .array(outputs.map { "\($0)" }),
      ])
    return
  }
  printError(summary)
  for output in outputs { printError("  \(output)") }
}

/// A progress line for large files, for people at a terminal only (not in a log
/// file, a pipe or JSON logs).
func progressLine(_ logger: Logger) -> (@Sendable (String) -> Void)? {
  guard isatty(STDERR_FILENO) != 0, logger.handler is ConsoleLogHandler else { return nil }
  return { FileHandle.standardError.write(Data($0.utf8)) }
}

/// Runs a report for the root, or for each of its dossiers under a heading (text) or
/// as one JSON object by dossier name.
/// `body` prints a report's text itself and returns its JSON; the JSON of several
/// dossiers is printed once complete, so that a failure never leaves half an object.
func forEachDossier(
  _ root: String, json: Bool, _ body: (String, ReportLanguage) throws -> String?
) throws {
  let settings = try loadSettings(root: root)
  // Each dossier as the service sees it: checked, and in its own language.
  let dossiers = try exitingOnFailure(settings.reportLanguage) {
    try Passerelle(root: root, settings: settings).dossiers()
  }
  guard !settings.dossiers.isEmpty else {
    if let text = try body(root, settings.reportLanguage) { print(text) }
    return
  }
  var members: [String] = []
  for dossier in dossiers {
    let name = dossier.dossierName ?? ""
    let language = dossier.settings.reportLanguage
    if !json {
      let heading: [String: MessageValue] = [
        "name": .text(name), "folder": .text(dossier.layout.root),
      ]
      printError(say(.dossierHeading, heading, language))
    }
    if let text = try body(dossier.layout.root, language) {
      members.append("\(try jsonText(name)): \(text)")
    }
  }
  if json { print("{\n" + members.joined(separator: ",\n") + "\n}") }
}

/// What the manifest says: as text for people on stderr (printed here), or as
/// JSON, returned for stdout.
func showReport<Report: Encodable>(
  root: String, json: Bool, language: ReportLanguage, emptyJSON: String,
  load: (String) throws -> Report, text: (Report) -> String
) throws -> String? {
  let layout = Layout(root: root)
  guard FileManager.default.fileExists(atPath: layout.manifest) else {
    printError(say(.noManifestYet, ["out": .text(layout.out)], language))
    return json ? emptyJSON : nil
  }
  return try exitingOnFailure(language) {
    let report = try load(layout.manifest)
    if json { return try jsonText(report) }
    printError(text(report))
    return nil
  }
}

func jsonText(_ value: some Encodable) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  return String(decoding: try encoder.encode(value), as: UTF8.self)
}

func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// The command line wins over `passerelle.toml`, which wins over the defaults.
func bootstrapLogging(_ options: RootOption, _ settings: Settings) -> Logger {
  let level = Logger.Level(rawValue: options.logLevel ?? settings.logLevel) ?? .info
  if (options.logFormat ?? settings.logFormat) == "json" {
    LoggingSystem.bootstrap { _ in JSONLogHandler(logLevel: level) }
  } else {
    LoggingSystem.bootstrap { _ in ConsoleLogHandler(logLevel: level) }
  }
  return Logger(label: "passerelle")
}

func loadSettings(root: String) throws -> Settings {
  do {
    return try SettingsFile.load(root: root)
  } catch let error as ConfigurationError {
    // The settings that would choose the language are what is wrong: French.
    printError(say(.usageMistake, ["error": .error(error)], .french))
    throw ExitCode(ExitStatus.usage)
  }
}

extension PasserelleCommand {
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "run",
      abstract: "Process the drop folders (with --once: one pass, then exit).")

    @OptionGroup var options: RootOption

    @Flag(help: "One pass over every drop folder, then exit.")
    var once = false

    func run() throws {
      let settings = try loadSettings(root: options.root)
      let logger = bootstrapLogging(options, settings)
      let passerelle = Passerelle(root: options.root, settings: settings, logger: logger)
      passerelle.progressOutput = progressLine(logger)
      try perform(logger: logger, language: settings.reportLanguage, service: !once) {
        let roots = try passerelle.dossiers()
        if once { return try roots.flatMap { try $0.runOnce() } }
        return try Passerelle.serve(roots, logger: logger)
      }
    }
  }

  struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "convert",
      abstract: "Convert one file outside the watch cycle (same rules, same manifest).")

    @OptionGroup var options: RootOption

    @Argument(help: "The export to convert; it is left where it is.")
    var file: String

    @Option(
      help:
        "Entity of the file, when its header is not enough (representatives, customers, prospects, contacts, articles, documents)."
    )
    var entity: SageEntity?

    @Option(help: "Folder for the payload and the reject report (default: the out folders).")
    var out: String?

    @Flag(help: "Let this export delete more than the configured share of known records.")
    var allowMassDeletion = false

    func run() throws {
      let settings = try loadSettings(root: options.root)
      let logger = bootstrapLogging(options, settings)
      var conversion = ConversionOptions()
      conversion.entity = entity
      conversion.outputFolder = out
      conversion.allowMassDeletion = allowMassDeletion
      let passerelle = Passerelle(root: options.root, settings: settings, logger: logger)
      passerelle.progressOutput = progressLine(logger)
      try perform(logger: logger, language: settings.reportLanguage) {
        try passerelle.convert(file: file, options: conversion)
      }
    }
  }

  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "status", abstract: "Show what the manifest holds.")

    @OptionGroup var options: RootOption

    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
      try forEachDossier(options.root, json: json) { root, language in
        try showReport(
          root: root, json: json, language: language, emptyJSON: "{\"manifest\": null}"
        ) {
          try StatusReport.load(from: $0)
        } text: {
          $0.text(in: language)
        }
      }
    }
  }

  struct Rejects: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rejects",
      abstract: "Show recent rejected files and rows, with reasons.")

    @OptionGroup var options: RootOption

    @Flag(help: "Print JSON on stdout.")
    var json = false

    @Option(help: "How many batches to show.")
    var limit = 20

    func run() throws {
      try forEachDossier(options.root, json: json) { root, language in
        try showReport(root: root, json: json, language: language, emptyJSON: "{\"entries\": []}") {
          try RejectsReport.load(from: $0, limit: limit)
        } text: {
          $0.text(in: language)
        }
      }
    }
  }

  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Create the folders and a commented passerelle.toml with every default.")

    @OptionGroup var options: RootOption

    @Option(
      help: "Language of the file's comments: fr or en (default: [report] language, else fr).")
    var language: ReportLanguage?

    func run() throws {
      let layout = Layout(root: options.root)
      let settings = try loadSettings(root: options.root)
      let language = self.language ?? settings.reportLanguage
      try exitingOnFailure(language) {
        for dossier in settings.dossiers.values.sorted() {
          try Layout(root: layout.root + "/" + dossier).createFolders()
          printError(say(.initDossierReady, ["path": "\(layout.root)/\(dossier)"], language))
        }
        if !settings.dossiers.isEmpty { return }
        try layout.createFolders()
        if FileManager.default.fileExists(atPath: layout.configuration) {
          printError(say(.initSettingsKept, ["path": .text(layout.configuration)], language))
        } else {
          try SettingsFile.defaultText(in: language).write(
            toFile: layout.configuration, atomically: true, encoding: .utf8)
          printError(say(.fileWritten, ["path": .text(layout.configuration)], language))
        }
        printError(say(.initFoldersReady, ["path": .text(layout.root)], language))
      }
    }
  }

  struct AllowDeletions: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "allow-deletions",
      abstract: "Confirm that an export held by the mass-deletion guard is complete.")

    @OptionGroup var options: RootOption

    @Argument(help: "The batch id or SHA-256 given in the file's .reason.json.")
    var batchOrSHA256: String

    func run() throws {
      let settings = try loadSettings(root: options.root)
      let passerelle = Passerelle(root: options.root, settings: settings)
      let language = settings.reportLanguage
      try exitingOnFailure(language) {
        let sha = try passerelle.allowDeletions(sha256OrBatch: batchOrSHA256)
        printError(say(.deletionsAllowed, ["sha256": .text(sha)], language))
      }
    }
  }
}

extension SageEntity: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}
