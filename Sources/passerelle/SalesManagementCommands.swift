import ArgumentParser
import Foundation
import Logging
import PasserelleCore
import PasserelleKit

/// Runs `body` for each dossier (or the root), mapping failures to the contract's
/// exit codes: SM out of reach, login refused or the root locked is 3.
func forEachRoot(
  _ options: RootOption, _ body: (Passerelle, ReportLanguage) throws -> Void
) throws {
  let settings = try loadSettings(root: options.root)
  let logger = bootstrapLogging(options, settings)
  let language = settings.reportLanguage
  try exitingOnFailure(language) {
    for root in try Passerelle(root: options.root, settings: settings, logger: logger).dossiers() {
      try body(root, root.settings.reportLanguage)
    }
  }
}

extension PasserelleCommand {
  struct Push: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "push",
      abstract:
        "Deliver everything waiting to Sales Management's API, then exit (1: some records refused; 3: SM out of reach)."
    )

    @OptionGroup var options: RootOption

    @Flag(help: "Print the counts as JSON on stdout.")
    var json = false

    @Flag(
      help:
        "Only tell what the delivery would do (out/apercu-<time>.csv, out/rapprochement.csv): SM is read, never written."
    )
    var dryRun = false

    func run() throws {
      if dryRun { return try preview() }
      var refused = 0
      try forEachRoot(options) { root, language in
        let report = try root.push()
        refused += report.refused
        if json { print(try jsonText(report)) } else { printError(report.summary(in: language)) }
      }
      if refused > 0 { throw ExitCode(ExitStatus.rejected) }
    }

    private func preview() throws {
      try forEachRoot(options) { root, language in
        let preview = try root.previewPush()
        if json { print(try jsonText(preview)) } else { printError(preview.summary(in: language)) }
      }
    }
  }

  struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reconcile",
      abstract:
        "Record IT's decisions from a reconciliation file (adopter <SM id>, créer, ignorer); the next push applies them (1: some lines refused)."
    )

    @OptionGroup var options: RootOption

    @Argument(help: "The reconciliation file with IT's decisions (out/rapprochement.csv, edited).")
    var file: String

    /// The file belongs to one root: `--root` names the dossier it came from.
    func run() throws {
      let settings = try loadSettings(root: options.root)
      let logger = bootstrapLogging(options, settings)
      let language = settings.reportLanguage
      let path = URL(fileURLWithPath: file).standardizedFileURL.path
      let report = try exitingOnFailure(language) {
        try Passerelle(root: options.root, settings: settings, logger: logger).reconcile(file: path)
      }
      printError(report.summary(in: language))
      if !report.refused.isEmpty { throw ExitCode(ExitStatus.rejected) }
    }
  }

  struct Pull: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "pull",
      abstract:
        "Write what changed in Sales Management since the last pull into watch/salesmanagement/, then exit."
    )

    @OptionGroup var options: RootOption

    @Flag(help: "Print the files written as JSON on stdout.")
    var json = false

    func run() throws {
      try forEachRoot(options) { root, language in
        let report = try root.pull()
        if json { print(try jsonText(report)) } else { printError(report.summary(in: language)) }
        for file in report.files where !json { printError("  \(file)") }
      }
    }
  }
}
