import ArgumentParser
import PasserelleCore
import PasserelleKit

extension PasserelleCommand {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract:
        "Rewrite out/rapport.html, the HTML report for IT (one per dossier; 3: manifest unreadable)."
    )

    @OptionGroup var options: RootOption

    func run() throws {
      try forEachRoot(options) { root, language in
        printError(say(.fileWritten, ["path": .text(try root.writeReport())], language))
      }
    }
  }
}
